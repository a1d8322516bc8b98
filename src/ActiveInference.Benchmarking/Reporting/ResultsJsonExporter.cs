using System.Text.Json;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;
using static ActiveInference.Benchmarking.Reporting.ResultsJsonModel;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Writes <c>results.json</c>: the seed's schema followed by everything a <see cref="RunReport"/> holds, so
/// <see cref="ResultsJsonReader"/> can read it back whole. Times are ns/op in <c>_ns</c> fields; NaN and infinity are null.
/// </summary>
internal sealed class ResultsJsonExporter : TextExporter
{
    /// <summary>The file name, <c>results.json</c>.</summary>
    public const string DefaultFileName = "results.json";

    /// <inheritdoc />
    public override string FileName => DefaultFileName;

    /// <inheritdoc />
    public override void Write(RunReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(JsonSerializer.Serialize(ToDto(report), Options));
        writer.Write('\n');
    }

    private static RunDto ToDto(RunReport report)
    {
        var ordered = report.OrderedResults();
        return new RunDto
        {
            BenchmarkSuite = report.Suite,
            Timestamp = ReportText.Timestamp(report.Timestamp),
            Config = new SortedDictionary<string, string>(report.Config.ToDictionary(), StringComparer.Ordinal),
            SchemaVersion = CurrentSchemaVersion,
            MachineProfile = new MachineProfileDto { Id = report.MachineProfileId, Description = report.MachineProfileDescription },
            Commit = report.Commit,
            Branch = report.Branch,
            TotalBenchmarks = ordered.Count,
            Regressions = report.Regressions().Count,
            Results = ordered.Select(ToDto).ToList(),
        };
    }

    private static ResultDto ToDto(GatedResult result) => ToDto(result.Measured, result.Gate);

    private static ResultDto ToDto(BenchmarkResult r, GateOutcome? gate) => new()
    {
        Name = r.Name,
        MeanTimeMs = r.Time.Mean / 1e6,
        StdDevMs = r.Time.StandardDeviation / 1e6,
        MinTimeMs = r.Time.Min / 1e6,
        MaxTimeMs = r.Time.Max / 1e6,
        Iterations = r.Time.N,
        CustomMetrics = new SortedDictionary<string, double>(r.CustomMetrics.ToDictionary(), StringComparer.Ordinal),
        FullName = r.FullName,
        Suite = r.Suite,
        Timestamp = ReportText.Timestamp(r.Timestamp),
        MedianNs = r.Time.Median,
        MeanNs = r.Time.Mean,
        StdDevNs = r.Time.StandardDeviation,
        MinNs = r.Time.Min,
        MaxNs = r.Time.Max,
        Q1Ns = r.Time.Q1,
        Q3Ns = r.Time.Q3,
        MedianIntervalNs = IntervalDto.From(r.Time.MedianInterval),
        MeanIntervalNs = IntervalDto.From(r.Time.MeanInterval),
        Samples = r.Time.N,
        OperationsPerSample = r.OperationsPerSample,
        TotalOperations = r.TotalOperations,
        AllocatedBytesPerOp = r.AllocatedBytesPerOperation,
        Gc = new GcDto { Gen0 = r.Gc.Gen0, Gen1 = r.Gc.Gen1, Gen2 = r.Gc.Gen2 },
        PeakManagedHeapBytes = r.PeakManagedHeapBytes,
        OverheadNsPerOp = r.OverheadNanosecondsPerOperation,
        ElapsedMs = r.Elapsed.Ticks / (double)TimeSpan.TicksPerMillisecond,
        StoppedByTimeLimit = r.StoppedByTimeLimit,
        TrustIssues = r.TrustIssues.ToList(),
        Verdict = gate?.Verdict,
        BaselineComparison = gate is null ? null : BaselineComparisonDto.From(gate),
        SamplesNsPerOp = r.SamplesNanosecondsPerOperation.ToList(),
        NormalisedSamples = r.NormalisedSamples.ToList(),
        StateSamples = r.StateSamples.Count == 0
            ? null
            : new SortedDictionary<string, List<double>>(r.StateSamples.ToDictionary(p => p.Key, p => p.Value.ToList()), StringComparer.Ordinal),
    };
}
