using System.Globalization;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Writes <c>performance_report.md</c> in the seed's shape (regressions first, then per-suite tables; a gate run that
/// compared nothing says why above all); every name and message goes through <see cref="MarkdownText.Escape"/>.
/// Suitable for <c>GITHUB_STEP_SUMMARY</c>.
/// </summary>
internal sealed class MarkdownReportExporter : TextExporter
{
    /// <summary>The file name, <c>performance_report.md</c>.</summary>
    public const string DefaultFileName = "performance_report.md";

    /// <inheritdoc />
    public override string FileName => DefaultFileName;

    /// <inheritdoc />
    public override void Write(RunReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        var ordered = report.OrderedResults();
        var regressions = report.Regressions();

        var uncompared = UncomparedRun.Of(report);

        writer.WriteLine("# Performance Report");
        writer.WriteLine();
        if (uncompared is not null)
        {
            writer.WriteLine("> ⚠️ **Nothing was gated: this gate run compared no benchmark.**");
            foreach (var reason in uncompared.Reasons)
                writer.WriteLine($"> - {MarkdownText.Escape(uncompared.Counted(reason))}");
            writer.WriteLine(">");
            writer.WriteLine($"> Record baselines: `{UncomparedRun.RecordCommand}`");
            writer.WriteLine();
        }
        writer.WriteLine($"- **Generated:** {ReportText.ReadableTimestamp(report.Timestamp)}");
        writer.WriteLine($"- **Suite:** {MarkdownText.Escape(report.Suite)}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- **Total benchmarks:** {ordered.Count}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- **Regressions:** {regressions.Count}"));
        var description = string.IsNullOrEmpty(report.MachineProfileDescription) ? "" : " (" + MarkdownText.Escape(report.MachineProfileDescription) + ")";
        writer.WriteLine($"- **Machine profile:** {MarkdownText.Escape(report.MachineProfileId)}{description}");
        writer.WriteLine($"- **Commit:** {MarkdownText.Escape(report.Commit ?? "unknown")} on {MarkdownText.Escape(report.Branch ?? "unknown branch")}");
        writer.WriteLine($"- **Baseline:** {MarkdownText.Escape(ComparisonText.RunBaseline(report))}");
        writer.WriteLine();

        if (regressions.Count > 0)
        {
            writer.WriteLine("## ⚠️ Regressions Detected");
            writer.WriteLine();
            foreach (var (r, outcome) in regressions)
            {
                var gate = outcome!;
                var baseline = gate.BaselineMedianNanoseconds is { } b ? Readable.Time(b) : "n/a";
                writer.WriteLine(
                    $"- **{MarkdownText.Escape(r.Name)}** ({MarkdownText.Escape(r.Suite)}): current {Readable.Time(gate.CurrentMedianNanoseconds)}, " +
                    $"baseline {baseline} (raw medians), change {MarkdownText.Escape(ComparisonText.Change(gate))}. {MarkdownText.Escape(gate.Message)}");
            }
        }
        else if (uncompared is not null)
        {
            writer.WriteLine("⚠️ No benchmark was compared, so no regression could be detected");
        }
        else
        {
            writer.WriteLine("✅ No regressions detected");
        }

        var compared = false;
        foreach (var suite in ordered.GroupBy(r => r.Measured.Suite, StringComparer.Ordinal))
        {
            writer.WriteLine();
            writer.WriteLine($"## {MarkdownText.Escape(suite.Key)}");
            writer.WriteLine();
            WriteTable(writer, ResultRow.Headers, ResultRow.Numeric, suite.Select(ResultRow.Cells));
            var gated = suite.Where(r => r.Gate is not null).ToArray();
            if (gated.Length > 0)
            {
                writer.WriteLine();
                WriteTable(writer, ComparisonRow.Headers, ComparisonRow.Numeric, gated.Select(ComparisonRow.Cells));
                compared = true;
            }
        }

        if (compared)
        {
            writer.WriteLine();
            writer.WriteLine(MarkdownText.Escape(ComparisonRow.Legend));
        }

        var untrusted = ordered.Select(r => r.Measured).Where(r => !r.IsTrustworthy).ToArray();
        if (untrusted.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("## Untrustworthy measurements");
            writer.WriteLine();
            foreach (var r in untrusted)
            {
                writer.WriteLine($"- **{MarkdownText.Escape(r.Name)}**: {MarkdownText.Escape(string.Join("; ", r.TrustIssues))}");
            }
        }
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<string> headers, IReadOnlySet<int> numeric, IEnumerable<string[]> rows)
    {
        WriteRow(writer, headers.Select(MarkdownText.Escape).ToArray());
        WriteRow(writer, headers.Select((_, c) => numeric.Contains(c) ? "---:" : "---").ToArray());
        foreach (var cells in rows)
        {
            WriteRow(writer, cells.Select(MarkdownText.Escape).ToArray());
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells) =>
        writer.WriteLine("| " + string.Join(" | ", cells) + " |");
}
