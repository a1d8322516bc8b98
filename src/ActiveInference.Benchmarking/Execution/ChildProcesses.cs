using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>How a run starts its child processes: a re-measurement for the recorded-numbers fallback, and a paired process.</summary>
/// <param name="Remeasure">Re-measures (assembly path, full test name) in a fresh process: its samples, or why not.</param>
/// <param name="Paired">Runs one paired process: the child's result, or why it failed.</param>
internal sealed record ChildProcesses(
    Func<string, string, (Remeasurement?, string?)> Remeasure,
    Func<PairedRequest, (PairedChildResult?, string?)> Paired)
{
    /// <summary>
    /// A paired process taking longer than this is stopped and the benchmark is Inconclusive (the slowest here take
    /// about 40 s, BeliefUpdate(1000) with its 4 s set-up per copy).
    /// </summary>
    public static readonly TimeSpan PairedProcessTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A re-measuring process taking longer than this is stopped (the verdict says so).</summary>
    public static readonly TimeSpan RemeasureTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Real child processes of the perf assembly, with the defaults replaced where given (the framework's tests).</summary>
    public static ChildProcesses Create(Func<string, string, (Remeasurement?, string?)>? remeasure = null, Func<PairedRequest, (PairedChildResult?, string?)>? paired = null) =>
        new(remeasure ?? ((assembly, name) => RemeasureProcess.Measure(assembly, name, RemeasureTimeout)),
            paired ?? (request => PairedProcess.Measure(request, PairedProcessTimeout)));
}
