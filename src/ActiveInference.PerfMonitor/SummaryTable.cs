using ActiveInference.Benchmarking;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor;

/// <summary>
/// The plain-text table a person reads at the end of a command: benchmark, median, the baseline's raw median,
/// change, verdict and what the verdict was measured against, columns padded, one benchmark per line, in report
/// order. Invariant culture throughout.
/// </summary>
internal static class SummaryTable
{
    private static readonly string[] Headers = ["Benchmark", "Median", "Baseline (raw)", "Change", "Verdict", "Against"];

    /// <summary>Writes the table for <paramref name="results"/> and a one-line count of verdicts.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<GatedResult> results)
    {
        var rows = results.Select(Cells).ToList();
        var widths = Headers.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        WriteRow(writer, Headers, widths);
        WriteRow(writer, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
            WriteRow(writer, row, widths);
        writer.WriteLine(Counts(results));
    }

    /// <summary>E.g. <c>5 benchmarks: 3 passed, 1 regressed, 1 new</c>.</summary>
    public static string Counts(IReadOnlyList<GatedResult> results)
    {
        var parts = results
            .GroupBy(r => r.Gate?.Verdict)
            .OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key)
            .Select(g => FormattableString.Invariant($"{g.Count()} {Name(g.Key)}"));
        return FormattableString.Invariant($"{results.Count} benchmark{(results.Count == 1 ? "" : "s")}: ") + string.Join(", ", parts);
    }

    private static string Name(Verdict? verdict) => verdict switch
    {
        null => "not gated",
        Verdict.NotCompared => "not compared",
        { } v => v.ToString().ToLowerInvariant(),
    };

    private static string[] Cells(GatedResult result)
    {
        var (r, gate) = result;
        return
        [
            ReportTextLine(r.FullName),
            Readable.Time(r.Time.Median),
            gate?.BaselineMedianNanoseconds is { } b ? Readable.Time(b) : "-",
            ComparisonText.Change(gate?.Ratio, null),
            (gate?.Verdict.ToString() ?? "-") + (r.IsTrustworthy ? "" : " (untrusted)"),
            gate is { } g ? Against(g.Method, g.Baseline, g.Processes, g.CopiesPerSide) : "-",
        ];
    }

    /// <summary>
    /// What a verdict was measured against, short: <c>commit 1b56a1b (paired 3×4)</c> (processes × copies per side),
    /// <c>the recorded numbers of 2026-11-29</c>, <c>commit 1b56a1b (not compared)</c>; <c>-</c> without a baseline.
    /// </summary>
    internal static string Against(ComparisonMethod method, string? baseline, int processes, int copiesPerSide) => baseline is null
        ? "-"
        : ReportTextLine(method switch
        {
            ComparisonMethod.Paired => FormattableString.Invariant($"{baseline} (paired {processes}×{copiesPerSide})"),
            ComparisonMethod.Recorded => baseline,
            _ => baseline + " (not compared)",
        });

    /// <summary>A name on one line: control characters shown as escapes.</summary>
    internal static string ReportTextLine(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? FormattableString.Invariant($"\\u{(int)c:x4}") : c.ToString()));

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells, int[] widths) =>
        writer.WriteLine(string.Join("  ", cells.Select((cell, c) => c is 0 or 4 or 5 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
}
