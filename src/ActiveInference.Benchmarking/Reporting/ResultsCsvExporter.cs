namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Writes <c>results.csv</c>: one row per benchmark in report order, the seed's columns first (<c>name</c>,
/// <c>mean_time_ms</c>, <c>std_dev_ms</c>, <c>min_time_ms</c>, <c>max_time_ms</c>, <c>iterations</c>), then ours
/// (times in ns per operation), among them how the verdict was measured: <c>noise_floor</c> (relative, 0.021 = ±2.1%),
/// <c>baseline</c> (<c>commit 1b56a1b</c>), <c>baseline_commit</c> (full hash), <c>method</c> (<c>paired</c>,
/// <c>recorded</c>, <c>none</c>), <c>processes</c>, <c>copies_per_side</c> and both sides' raw medians
/// (<c>baseline_raw_median_ns</c>, <c>current_raw_median_ns</c>). RFC 4180: CRLF line ends, fields holding a comma,
/// quote or line break are quoted with quotes doubled. Numbers are invariant and round-trip; NaN and missing values
/// are empty fields.
/// </summary>
internal sealed class ResultsCsvExporter : TextExporter
{
    /// <summary>The file name, <c>results.csv</c>.</summary>
    public const string DefaultFileName = "results.csv";

    private static readonly (string Header, Func<RunReport, BenchmarkResult, string> Value)[] Columns =
    [
        ("name", (_, r) => r.Name),
        ("mean_time_ms", (_, r) => ReportText.Number(r.Time.Mean / 1e6)),
        ("std_dev_ms", (_, r) => ReportText.Number(r.Time.StandardDeviation / 1e6)),
        ("min_time_ms", (_, r) => ReportText.Number(r.Time.Min / 1e6)),
        ("max_time_ms", (_, r) => ReportText.Number(r.Time.Max / 1e6)),
        ("iterations", (_, r) => ReportText.Integer(r.Time.N)),
        ("full_name", (_, r) => r.FullName),
        ("suite", (_, r) => r.Suite),
        ("median_ns", (_, r) => ReportText.Number(r.Time.Median)),
        ("median_ci_lower_ns", (_, r) => ReportText.Number(r.Time.MedianInterval.Lower)),
        ("median_ci_upper_ns", (_, r) => ReportText.Number(r.Time.MedianInterval.Upper)),
        ("mean_ns", (_, r) => ReportText.Number(r.Time.Mean)),
        ("mean_ci_lower_ns", (_, r) => ReportText.Number(r.Time.MeanInterval.Lower)),
        ("mean_ci_upper_ns", (_, r) => ReportText.Number(r.Time.MeanInterval.Upper)),
        ("ci_level", (_, r) => ReportText.Number(r.Time.MedianInterval.Level)),
        ("std_dev_ns", (_, r) => ReportText.Number(r.Time.StandardDeviation)),
        ("min_ns", (_, r) => ReportText.Number(r.Time.Min)),
        ("max_ns", (_, r) => ReportText.Number(r.Time.Max)),
        ("samples", (_, r) => ReportText.Integer(r.Time.N)),
        ("operations_per_sample", (_, r) => ReportText.Integer(r.OperationsPerSample)),
        ("allocated_bytes_per_op", (_, r) => ReportText.Number(r.AllocatedBytesPerOperation)),
        ("gen0", (_, r) => ReportText.Integer(r.Gc.Gen0)),
        ("gen1", (_, r) => ReportText.Integer(r.Gc.Gen1)),
        ("gen2", (_, r) => ReportText.Integer(r.Gc.Gen2)),
        ("verdict", (_, r) => ReportText.VerdictKey(r.Gate?.Verdict)),
        ("ratio", (_, r) => ReportText.Number(r.Gate?.Ratio)),
        ("ratio_ci_lower", (_, r) => ReportText.Number(r.Gate?.RatioInterval?.Lower)),
        ("ratio_ci_upper", (_, r) => ReportText.Number(r.Gate?.RatioInterval?.Upper)),
        ("ratio_ci_level", (_, r) => ReportText.Number(r.Gate?.RatioInterval?.Level)),
        ("p_value", (_, r) => ReportText.Number(r.Gate?.PValue)),
        ("threshold", (_, r) => ReportText.Number(r.Gate?.Threshold)),
        ("noise_floor", (_, r) => ReportText.Number(r.Gate?.NoiseFloor)),
        ("baseline", (_, r) => r.Gate?.Baseline ?? ""),
        ("baseline_commit", (_, r) => r.Gate?.BaselineCommit ?? ""),
        ("method", (_, r) => ComparisonText.MethodKey(r.Gate)),
        ("processes", (_, r) => r.Gate is { } g ? ReportText.Integer(g.Processes) : ""),
        ("copies_per_side", (_, r) => r.Gate is { } g ? ReportText.Integer(g.CopiesPerSide) : ""),
        ("baseline_raw_median_ns", (_, r) => ReportText.Number(r.Gate?.BaselineMedianNanoseconds)),
        ("current_raw_median_ns", (_, r) => ReportText.Number(r.Gate?.CurrentMedianNanoseconds)),
        ("machine_profile", (report, _) => report.MachineProfileId),
        ("commit", (report, _) => report.Commit ?? ""),
        ("trust_issues", (_, r) => string.Join("; ", r.TrustIssues)),
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
            WriteRow(writer, Columns.Select(c => c.Value(report, result)));
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
