using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Writes <c>results.csv</c>: the seed's columns first, then ours (times in ns per operation). RFC 4180 (CRLF, quoted
/// fields); numbers invariant and round-trip; NaN and missing values are empty fields.
/// </summary>
internal sealed class ResultsCsvExporter : TextExporter
{
    /// <summary>The file name, <c>results.csv</c>.</summary>
    public const string DefaultFileName = "results.csv";

    private static readonly (string Header, Func<RunReport, BenchmarkResult, GateOutcome?, string> Value)[] Columns =
    [
        ("name", (_, r, _) => r.Name),
        ("mean_time_ms", (_, r, _) => ReportText.Number(r.Time.Mean / 1e6)),
        ("std_dev_ms", (_, r, _) => ReportText.Number(r.Time.StandardDeviation / 1e6)),
        ("min_time_ms", (_, r, _) => ReportText.Number(r.Time.Min / 1e6)),
        ("max_time_ms", (_, r, _) => ReportText.Number(r.Time.Max / 1e6)),
        ("iterations", (_, r, _) => ReportText.Integer(r.Time.N)),
        ("full_name", (_, r, _) => r.FullName),
        ("suite", (_, r, _) => r.Suite),
        ("median_ns", (_, r, _) => ReportText.Number(r.Time.Median)),
        ("median_ci_lower_ns", (_, r, _) => ReportText.Number(r.Time.MedianInterval.Lower)),
        ("median_ci_upper_ns", (_, r, _) => ReportText.Number(r.Time.MedianInterval.Upper)),
        ("mean_ns", (_, r, _) => ReportText.Number(r.Time.Mean)),
        ("mean_ci_lower_ns", (_, r, _) => ReportText.Number(r.Time.MeanInterval.Lower)),
        ("mean_ci_upper_ns", (_, r, _) => ReportText.Number(r.Time.MeanInterval.Upper)),
        ("ci_level", (_, r, _) => ReportText.Number(r.Time.MedianInterval.Level)),
        ("std_dev_ns", (_, r, _) => ReportText.Number(r.Time.StandardDeviation)),
        ("min_ns", (_, r, _) => ReportText.Number(r.Time.Min)),
        ("max_ns", (_, r, _) => ReportText.Number(r.Time.Max)),
        ("samples", (_, r, _) => ReportText.Integer(r.Time.N)),
        ("operations_per_sample", (_, r, _) => ReportText.Integer(r.OperationsPerSample)),
        ("allocated_bytes_per_op", (_, r, _) => ReportText.Number(r.AllocatedBytesPerOperation)),
        ("gen0", (_, r, _) => ReportText.Integer(r.Gc.Gen0)),
        ("gen1", (_, r, _) => ReportText.Integer(r.Gc.Gen1)),
        ("gen2", (_, r, _) => ReportText.Integer(r.Gc.Gen2)),
        ("verdict", (_, _, g) => ReportText.VerdictKey(g?.Verdict)),
        ("ratio", (_, _, g) => ReportText.Number(g?.Ratio)),
        ("ratio_ci_lower", (_, _, g) => ReportText.Number(g?.RatioInterval?.Lower)),
        ("ratio_ci_upper", (_, _, g) => ReportText.Number(g?.RatioInterval?.Upper)),
        ("ratio_ci_level", (_, _, g) => ReportText.Number(g?.RatioInterval?.Level)),
        ("p_value", (_, _, _) => ""), // no gate computes a p-value; the column stays for the schema
        ("threshold", (_, _, g) => ReportText.Number(g?.Threshold)),
        ("noise_floor", (_, _, g) => ReportText.Number(g?.NoiseFloor)),
        ("baseline", (_, _, g) => g?.Baseline ?? ""),
        ("baseline_commit", (_, _, g) => g?.BaselineCommit ?? ""),
        ("method", (_, _, g) => ComparisonText.MethodKey(g)),
        ("processes", (_, _, g) => g is { } gate ? ReportText.Integer(gate.Processes) : ""),
        ("copies_per_side", (_, _, g) => g is { } gate ? ReportText.Integer(gate.CopiesPerSide) : ""),
        ("baseline_raw_median_ns", (_, _, g) => ReportText.Number(g?.BaselineMedianNanoseconds)),
        ("current_raw_median_ns", (_, _, g) => ReportText.Number(g?.CurrentMedianNanoseconds)),
        ("machine_profile", (report, _, _) => report.MachineProfileId),
        ("commit", (report, _, _) => report.Commit ?? ""),
        ("trust_issues", (_, r, _) => string.Join("; ", r.TrustIssues)),
    ];

    /// <inheritdoc />
    public override string FileName => DefaultFileName;

    /// <inheritdoc />
    public override void Write(RunReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRow(writer, Columns.Select(c => c.Header));
        foreach (var result in report.OrderedResults())
        {
            WriteRow(writer, Columns.Select(c => c.Value(report, result.Measured, result.Gate)));
        }
    }

    /// <summary>Quotes <paramref name="field"/> when RFC 4180 requires it (comma, quote, CR or LF), doubling inner quotes.</summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write("\r\n");
    }
}
