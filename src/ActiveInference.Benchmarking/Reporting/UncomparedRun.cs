using System.Globalization;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// A gate run that compared no benchmark (every verdict Inconclusive, or none), with why: such a run gated nothing,
/// so the console and the reports say so once instead of letting it pass as clean.
/// </summary>
/// <param name="Total">The benchmarks the run holds.</param>
/// <param name="Reasons">Each distinct reason with the number of benchmarks it kept from a comparison, most first.</param>
internal sealed record UncomparedRun(int Total, IReadOnlyList<(string Reason, int Count)> Reasons)
{
    /// <summary>The command that records baselines, run in the folder of <c>perf.runsettings</c>.</summary>
    public const string RecordCommand = "dotnet test -c Release --settings perf.runsettings -- 'TestRunParameters.Parameter(name=\"mode\", value=\"record\")'";

    /// <summary>
    /// The run's uncompared state; null when it is no gate run (mode <c>record</c>, <c>measure</c> or unknown), holds no
    /// benchmark (a shard whose benchmarks all belong to other shards), or compared at least one.
    /// </summary>
    public static UncomparedRun? Of(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Config.TryGetValue("mode", out var mode) || mode != "gate" || report.Results.Count == 0 || report.Results.Any(r => IsCompared(r.Gate)))
            return null;
        var reasons = report.Results
            .GroupBy(Reason, StringComparer.Ordinal)
            .Select(g => (Reason: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Reason, StringComparer.Ordinal)
            .ToArray();
        return new UncomparedRun(report.Results.Count, reasons);
    }

    /// <summary>
    /// True for a verdict reached by comparing with the baseline (<see cref="Verdict.Unchanged"/> and
    /// <see cref="Verdict.New"/> included).
    /// </summary>
    public static bool IsCompared(GateOutcome? gate) =>
        gate?.Verdict is Verdict.Passed or Verdict.Regressed or Verdict.Improved or Verdict.New or Verdict.Unchanged;

    /// <summary>"2 of 26 benchmarks could not be compared: …" for one reason.</summary>
    public string Counted((string Reason, int Count) reason) =>
        string.Create(CultureInfo.InvariantCulture, $"{reason.Count} of {Total} benchmark{(Total == 1 ? "" : "s")} could not be compared: {reason.Reason}");

    /// <summary>
    /// The console's lines, each starting with <paramref name="prefix"/>: one per reason, then what to do next with
    /// <paramref name="recordCommand"/>.
    /// </summary>
    public IReadOnlyList<string> Lines(string prefix, string recordCommand) =>
    [
        .. Reasons.Select(r => $"{prefix}: {Counted(r)}"),
        $"{prefix}: this gate run compared no benchmark, so it gated nothing. Record baselines: {recordCommand}",
    ];

    /// <summary>The verdict message without its "Name inconclusive: " head, so benchmarks stopped by one cause share it.</summary>
    private static string Reason(GatedResult result)
    {
        if (result.Gate is not { } gate)
            return "no verdict (the gate did not judge it)";
        var head = $"{result.Measured.Name} {VerdictMessage.Verb(gate.Verdict)}: ";
        var reason = gate.Message.StartsWith(head, StringComparison.Ordinal) ? gate.Message[head.Length..] : gate.Message;
        return reason.Length == 0 ? VerdictMessage.Verb(gate.Verdict) : reason;
    }
}
