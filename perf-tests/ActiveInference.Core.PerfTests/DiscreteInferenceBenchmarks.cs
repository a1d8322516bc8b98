using ActiveInference.Benchmarking;
using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Core.Discrete;
using NUnit.Framework;

namespace ActiveInference.Core.PerfTests;

/// <summary>Discrete (POMDP) active inference as pymdp does it: state inference and policy evaluation.</summary>
public class DiscreteInferenceBenchmarks
{
    /// <summary>Model sizes: "small" is one factor of 3 states, 3 outcomes, 3 actions, one-step policies; "large" has two factors (10 and 8 states), three modalities and two-step policies (144 policies).</summary>
    public static readonly string[] Sizes = ["small", "large"];

    private Agent _agent = null!;
    private int[] _observation = [];

    [SetUp]
    public void Prepare()
    {
        var size = (string)TestContext.CurrentContext.Test.Arguments[0]!;
        var model = size == "small"
            ? ModelFactory.Pomdp([3], [3], [3], policyLength: 1, seed: 7)
            : ModelFactory.Pomdp([10, 8], [10, 6, 4], [4, 3], policyLength: 2, seed: 7);
        _agent = new Agent(model);
        _observation = ModelFactory.Observation(model, seed: 8);
        _agent.InferStates(_observation);
    }

    /// <summary>Fixed-point state inference (pymdp defaults: 10 sweeps, dF tolerance 1e-3); returns the free energy.</summary>
    [PerfBenchmark(Iterations = 30, Warmup = 5, TimeLimit = 10)]
    [MaxAllocatedBytesPerOperation(0)]
    [TestCaseSource(nameof(Sizes))]
    public double InferStates(string model) => _agent.InferStates(_observation).FreeEnergy;

    /// <summary>Expected free energy of every policy and the policy posterior; returns the most probable policy's probability.</summary>
    [PerfBenchmark(Iterations = 30, Warmup = 5, TimeLimit = 10)]
    [MaxAllocatedBytesPerOperation(0)]
    [TestCaseSource(nameof(Sizes))]
    public double InferPolicies(string model)
    {
        var posterior = _agent.InferPolicies();
        var best = 0.0;
        foreach (var p in posterior) best = Math.Max(best, p);
        return best;
    }
}
