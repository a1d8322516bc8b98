using System.Globalization;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Writes <c>results.txt</c>: per suite a table for a terminal or CI log and a table of the comparisons. ± is the
/// half-width of the median's 95% interval; "Samples × Ops" is measured samples times calls per sample.
/// </summary>
internal sealed class ResultsTextExporter : TextExporter
{
    /// <summary>The file name, <c>results.txt</c>.</summary>
    public const string DefaultFileName = "results.txt";

    /// <inheritdoc />
    public override string FileName => DefaultFileName;

    /// <inheritdoc />
    public override void Write(RunReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        var ordered = report.OrderedResults();
        writer.WriteLine($"{ReportText.SingleLine(report.Suite)}: {ReportText.ReadableTimestamp(report.Timestamp)}");
        writer.WriteLine($"Machine: {ReportText.SingleLine(report.MachineProfileId)}{Described(report.MachineProfileDescription)}");
        writer.WriteLine($"Commit: {ReportText.SingleLine(report.Commit ?? "unknown")}  Branch: {ReportText.SingleLine(report.Branch ?? "unknown")}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Benchmarks: {ordered.Count}  Regressions: {report.Regressions().Count}"));
        writer.WriteLine($"Baseline: {ReportText.SingleLine(ComparisonText.RunBaseline(report))}");

        var compared = false;
        foreach (var suite in ordered.GroupBy(r => r.Measured.Suite, StringComparer.Ordinal))
        {
            writer.WriteLine();
            writer.WriteLine(ReportText.SingleLine(suite.Key));
            WriteTable(writer, ResultRow.Headers, ResultRow.Numeric, suite.Select(r => ResultRow.Cells(r).Select(ReportText.SingleLine).ToArray()).ToList());
            foreach (var result in suite.Select(r => r.Measured).Where(r => !r.IsTrustworthy))
            {
                writer.WriteLine($"  ! {ReportText.SingleLine(result.Name)}: {ReportText.SingleLine(string.Join("; ", result.TrustIssues))}");
            }

            var gated = suite.Where(r => r.Gate is not null).ToList();
            if (gated.Count > 0)
            {
                writer.WriteLine();
                WriteTable(writer, ComparisonRow.Headers, ComparisonRow.Numeric, gated.Select(r => ComparisonRow.Cells(r).Select(ReportText.SingleLine).ToArray()).ToList());
                compared = true;
            }
        }

        if (compared)
        {
            writer.WriteLine();
            writer.WriteLine(ComparisonRow.Legend);
        }
    }

    private static string Described(string description) =>
        string.IsNullOrEmpty(description) ? "" : $" ({ReportText.SingleLine(description)})";

    private static void WriteTable(TextWriter writer, IReadOnlyList<string> headers, IReadOnlySet<int> numeric, IReadOnlyList<string[]> rows)
    {
        var widths = headers.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        WriteLine(writer, [.. headers], widths, numeric);
        WriteLine(writer, widths.Select(w => new string('-', w)).ToArray(), widths, numeric);
        foreach (var row in rows)
        {
            WriteLine(writer, row, widths, numeric);
        }
    }

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths, IReadOnlySet<int> numeric)
    {
        var padded = cells.Select((cell, c) => numeric.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        writer.WriteLine("  " + string.Join("  ", padded).TrimEnd());
    }
}
