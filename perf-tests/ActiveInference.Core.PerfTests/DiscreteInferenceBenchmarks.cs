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

    /// <summary>Builds one case's agent for the model size <paramref name="model"/> (untimed, once per case).</summary>
    public void Prepare(string model)
    {
        var pomdp = model == "small"
            ? ModelFactory.Pomdp([3], [3], [3], policyLength: 1, seed: 7)
            : ModelFactory.Pomdp([10, 8], [10, 6, 4], [4, 3], policyLength: 2, seed: 7);
        _agent = new Agent(pomdp);
        _observation = ModelFactory.Observation(pomdp, seed: 8);
        _agent.InferStates(_observation);
    }

    /// <summary>Fixed-point state inference (pymdp defaults: 10 sweeps, dF tolerance 1e-3); returns the free energy.</summary>
    [PerfBenchmark(Setup = nameof(Prepare))]
    [MaxAllocatedBytesPerOperation(0)]
    [TestCaseSource(nameof(Sizes))]
    public double InferStates(string model) => _agent.InferStates(_observation).FreeEnergy;

    /// <summary>Expected free energy of every policy and the policy posterior; returns the most probable policy's probability.</summary>
    [PerfBenchmark(Setup = nameof(Prepare))]
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
