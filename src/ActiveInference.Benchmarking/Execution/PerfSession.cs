using System.Collections.Concurrent;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The run-level state NUnit forces on us: options, baselines and the collected results of one test run, created
/// once per process on first use.
/// </summary>
internal sealed class PerfSession
{
    private static readonly Lazy<PerfSession> s_current = new(() => new PerfSession());
    private readonly ConcurrentQueue<BenchmarkResult> _results = new();

    public static PerfSession Current => s_current.Value;

    /// <summary>Why no benchmark can run (bad configuration, corrupt baselines), or null.</summary>
    public string? Problem { get; }

    public bool InconclusiveAsFailure { get; }

    /// <summary>Set in a child process started to re-measure one benchmark: where to write its samples.</summary>
    public string? ChildOutput { get; } = Environment.GetEnvironmentVariable(ChildProcessEntry.OutputVariable);

    public IReadOnlyCollection<BenchmarkResult> Results => _results.ToArray();

    public GateOutcome? Evaluate(BenchmarkResult result, double thresholdOverride) =>
        new(Verdict.NotCompared, "measured only (mode measure)", null, null, null, double.IsNaN(thresholdOverride) ? 0.10 : thresholdOverride, null, result.Time.Median);

    public void Collect(BenchmarkResult result) => _results.Enqueue(result);

    /// <summary>Called once when the test run ends: writes the run-level reports.</summary>
    public void Complete(string suiteName) { }
}
