using System.Globalization;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.History;

/// <summary>Turns a gate run's report into the history's <see cref="AnchoredRun"/>: paired ratios to the baseline commit, raw numbers beside them.</summary>
internal static class AnchoredRunFactory
{
    /// <summary>
    /// The run as a history point, or null when nothing in it was compared with a baseline commit (no anchor). The
    /// anchor is the baseline commit most of its benchmarks were paired with; a benchmark compared otherwise (recorded
    /// numbers, another commit) keeps its verdict and raw numbers without a ratio.
    /// </summary>
    public static AnchoredRun? From(RunReport report, string? parentCommit)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Commit is not { Length: > 0 } commit)
            return null;
        var anchor = report.Results
            .Select(r => r.Gate)
            .Where(g => g?.BaselineCommit is not null && (IsPaired(g.Method) || g.Verdict == Verdict.Unchanged))
            .GroupBy(g => g!.BaselineCommit!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        if (anchor is null)
            return null;
        var threshold = report.Config.TryGetValue("threshold", out var configured) && double.TryParse(configured, NumberStyles.Float, CultureInfo.InvariantCulture, out var setting)
            ? setting
            : report.Results.Where(r => r.Gate is not null).GroupBy(r => r.Gate!.Threshold).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(0.10);
        var entries = report.OrderedResults().Where(r => r.Gate is not null)
            .Select(r => Entry(r, anchor) with { Threshold = r.Gate!.Threshold == threshold ? null : r.Gate.Threshold }).ToArray();
        return new AnchoredRun(commit, parentCommit, report.Timestamp.ToUniversalTime(), report.Branch, anchor, report.MachineProfileId, threshold, entries);
    }

    private static AnchoredEntry Entry(GatedResult result, string anchor)
    {
        var gate = result.Gate!;
        var againstAnchor = gate.BaselineCommit == anchor && IsPaired(gate.Method) && gate.Ratio is { } r && double.IsFinite(r) && r > 0;
        var bytes = double.IsFinite(result.Measured.AllocatedBytesPerOperation) ? result.Measured.AllocatedBytesPerOperation : (double?)null;
        var current = againstAnchor && double.IsFinite(gate.CurrentMedianNanoseconds) ? gate.CurrentMedianNanoseconds : result.Measured.Time.Median;
        return new AnchoredEntry(
            result.Measured.FullName,
            gate.Verdict,
            againstAnchor ? gate.Ratio : null,
            againstAnchor ? gate.RatioInterval?.Lower : null,
            againstAnchor ? gate.RatioInterval?.Upper : null,
            againstAnchor ? gate.NoiseFloor : null,
            againstAnchor ? gate.Processes : 0,
            againstAnchor ? gate.CopiesPerSide : 0,
            againstAnchor ? gate.BaselineMedianNanoseconds : null,
            double.IsFinite(current) ? current : null,
            bytes);
    }

    private static bool IsPaired(ComparisonMethod method) => method is ComparisonMethod.Paired or ComparisonMethod.Interleaved;
}
