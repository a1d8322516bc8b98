using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>
/// A workload of known cost on a <see cref="FakeClock"/> that logs its name on every batch, so tests can check the
/// order in which the engine times the benchmark, reference, probes and companions.
/// </summary>
internal sealed class LoggedWorkload(string name, FakeClock clock, long nanosecondsPerCall, List<string> log) : ISideWorkload
{
    /// <summary>Settings that keep an engine run on a fake clock short: a few samples of 0.1 ms.</summary>
    public static readonly EngineSettings FastSettings = new()
    {
        Iterations = 6,
        WarmupIterations = 1,
        WarmupTime = TimeSpan.FromMilliseconds(1),
        MinMeasurementTime = TimeSpan.Zero,
        MinSampleTime = TimeSpan.FromMilliseconds(0.1),
    };

    public string Name => name;

    public void Run(long operations)
    {
        clock.Advance(nanosecondsPerCall * operations);
        log.Add(name);
    }
}
