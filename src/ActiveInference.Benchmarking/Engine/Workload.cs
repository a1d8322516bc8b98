namespace ActiveInference.Benchmarking.Engine;

/// <summary>What the engine runs: the benchmark loop, the same loop around an empty call, and an optional untimed per-sample setup.</summary>
/// <param name="Run">Calls the benchmark <c>n</c> times back to back.</param>
/// <param name="Overhead">Calls an empty method of the same shape <c>n</c> times.</param>
/// <param name="SampleSetup">Untimed preparation before each sample (fresh state), or null.</param>
internal sealed record Workload(Action<long> Run, Action<long> Overhead, Action? SampleSetup = null)
{
    /// <summary>One untimed call that returns the benchmark's result (null for void), for the first call and custom metrics.</summary>
    public Func<object?> Probe { get; init; } = () => { Run(1); return null; };
}
