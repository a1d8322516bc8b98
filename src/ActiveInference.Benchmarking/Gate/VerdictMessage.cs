using System.Globalization;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>Writes every verdict's one-line message in one form.</summary>
internal static class VerdictMessage
{
    /// <summary>The verb a message uses for <paramref name="verdict"/>.</summary>
    public static string Verb(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.Regressed => "regressed",
        Verdict.Improved => "improved",
        Verdict.New => "is new",
        Verdict.Inconclusive => "inconclusive",
        Verdict.Unchanged => "is unchanged",
        _ => "not compared",
    };

    /// <summary>A verdict reached by a comparison.</summary>
    /// <param name="name">The benchmark's short name.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="ratio">Estimated current ÷ baseline time.</param>
    /// <param name="interval">Its interval as ratios, or null.</param>
    /// <param name="baseline">What it was compared against (<c>commit 1b56a1b</c>).</param>
    /// <param name="method">How (<c>paired: 2 processes × 4 copies per side</c>).</param>
    /// <param name="threshold">The threshold as a fraction.</param>
    /// <param name="noiseFloor">The noise floor as a fraction, or null.</param>
    /// <param name="baselineRaw">Raw baseline median ns/op, or null.</param>
    /// <param name="currentRaw">Raw current median ns/op.</param>
    /// <param name="detail">Anything after the raw medians ("; …"), or empty.</param>
    /// <param name="floorSource">Where the noise floor comes from, said when the floor is wider than the threshold.</param>
    public static string Compared(string name, Verdict verdict, double ratio, ConfidenceInterval? interval, string baseline, string method,
        double threshold, double? noiseFloor, double? baselineRaw, double currentRaw, string detail = "", string floorSource = "this run's own A/A")
    {
        var range = interval is { } i ? $" [{Readable.Change(i.Lower)}, {Readable.Change(i.Upper)}]" : "";
        var floor = noiseFloor is { } f
            ? f > threshold
                ? Invariant($", noise floor {Readable.Spread(f)} ({floorSource}; wider than the threshold, so only larger changes can be called)")
                : ", noise floor " + Readable.Spread(f)
            : "";
        var raw = baselineRaw is { } b ? $"; raw medians {Readable.Time(b)} → {Readable.Time(currentRaw)}" : "";
        return Invariant($"{name} {Verb(verdict)}: {Readable.Change(ratio)}{range} against {baseline} ({method}), threshold {Readable.Percent(threshold)}{floor}{raw}{detail}");
    }

    /// <summary>A verdict reached without a change to report (new, inconclusive, an allocation regression).</summary>
    public static string Plain(string name, Verdict verdict, string reason) => $"{name} {Verb(verdict)}: {reason}";

    /// <summary>How a paired comparison was measured, e.g. <c>paired: 3 processes × 4 copies per side</c>.</summary>
    public static string Paired(int processes, int copies) =>
        Invariant($"paired: {processes} process{(processes == 1 ? "" : "es")} × {copies} cop{(copies == 1 ? "y" : "ies")} per side");

    /// <summary>
    /// How an interleaved comparison was measured, e.g. <c>interleaved: 3 pairs of processes × 8 copies, one build per
    /// process</c>.
    /// </summary>
    public static string Interleaved(int pairs, int copies) =>
        Invariant($"interleaved: {pairs} pair{(pairs == 1 ? "" : "s")} of processes × {copies} cop{(copies == 1 ? "y" : "ies")}, one build per process, in random order");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
