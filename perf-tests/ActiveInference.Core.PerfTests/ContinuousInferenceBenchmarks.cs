using ActiveInference.Benchmarking;
using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Core.Continuous;
using NUnit.Framework;

namespace ActiveInference.Core.PerfTests;

/// <summary>Belief updates and variational inference on linear-Gaussian models (n states, n observations).</summary>
public class ContinuousInferenceBenchmarks
{
    private BeliefState _belief = null!;
    private VariationalInference _inference = null!;
    private VariationalIteration _iteration = null!;
    private double[] _observation = [];
    private double[] _mean = [];
    private double[] _variance = [];

    /// <summary>Builds one case's model and inputs for <paramref name="n"/> states (untimed, once per case).</summary>
    public void Prepare(int n)
    {
        var model = ModelFactory.LinearGaussian(n, n, seed: 3);
        _observation = ModelFactory.NormalVector(n, seed: 4);
        _belief = new BeliefState(model, steps: 10);
        _inference = new VariationalInference(model);
        _iteration = new VariationalIteration(model);
        _mean = new double[n];
        _variance = Enumerable.Repeat(1.0, n).ToArray();
    }

    /// <summary>One belief update: 10 predictive-coding gradient steps on F; returns F afterwards.</summary>
    [PerfBenchmark(Setup = nameof(Prepare))]
    [MaxAllocatedBytesPerOperation(0)]
    [TestCase(10), TestCase(100), TestCase(1000)]
    public double BeliefUpdate(int states) => _belief.Update(_observation);

    /// <summary>
    /// Variational inference to convergence for one observation; records the iterations it needed, which must stay at
    /// most 50 (conjugate gradients: 10 at 10 states and 37 at 100 when written). It allocates its result, so no
    /// allocation limit.
    /// </summary>
    [PerfBenchmark(Setup = nameof(Prepare))]
    [MetricAssertion("iterations", Max = 50)]
    [TestCase(10), TestCase(100)]
    public double VariationalInference(int states)
    {
        var result = _inference.Infer(_observation);
        PerfMetrics.Record("iterations", result.Iterations);
        return result.FreeEnergy;
    }

    /// <summary>One mean-field coordinate sweep on a mean/variance pair (the seed's variational_inference_iteration).</summary>
    [PerfBenchmark(Setup = nameof(Prepare))]
    [MaxAllocatedBytesPerOperation(0)]
    [TestCase(50)]
    public double VariationalIteration(int states) => _iteration.Step(_observation, _mean, _variance);
}
