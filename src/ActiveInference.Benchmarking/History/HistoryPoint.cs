using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.History;

/// <summary>One benchmark's summary in one recorded run: a point of its trend. Times are nanoseconds per operation.</summary>
/// <param name="RunId">The run's id in the history database (ascending in order of appending).</param>
/// <param name="Timestamp">When the run ended (UTC).</param>
/// <param name="Commit">Source commit of the run, or null when unknown.</param>
/// <param name="Branch">Source branch of the run, or null when unknown.</param>
/// <param name="MachineProfileId">The machine profile the run was measured on.</param>
/// <param name="FullName">The benchmark's full NUnit name (the key of the series).</param>
/// <param name="MedianNanoseconds">Median ns/op (NaN when the run recorded none).</param>
/// <param name="MeanNanoseconds">Mean ns/op.</param>
/// <param name="StandardDeviationNanoseconds">Sample standard deviation of ns/op.</param>
/// <param name="MedianInterval">Confidence interval of the median, ns/op.</param>
/// <param name="Samples">Number of measured samples.</param>
/// <param name="AllocatedBytesPerOperation">Managed bytes allocated per call.</param>
/// <param name="NormalisedMedian">Median of ln(benchmark ÷ reference) per sample, or null when the run had no reference workload.</param>
/// <param name="Verdict">The gate's verdict in that run, or null when no gate ran.</param>
/// <param name="Ratio">The gate's current ÷ baseline ratio, or null.</param>
/// <param name="IsTrustworthy">False when the run flagged the numbers as untrustworthy (e.g. unoptimised build).</param>
internal sealed record HistoryPoint(
    long RunId,
    DateTimeOffset Timestamp,
    string? Commit,
    string? Branch,
    string MachineProfileId,
    string FullName,
    double MedianNanoseconds,
    double MeanNanoseconds,
    double StandardDeviationNanoseconds,
    ConfidenceInterval MedianInterval,
    int Samples,
    double AllocatedBytesPerOperation,
    double? NormalisedMedian,
    Verdict? Verdict,
    double? Ratio,
    bool IsTrustworthy)
{
    /// <summary>
    /// How the verdict was measured; null when no gate ran, or for a run stored before history schema 2 (which kept
    /// only verdict and ratio).
    /// </summary>
    public HistoryComparison? Comparison { get; init; }
}
