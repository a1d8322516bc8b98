using System.Globalization;
using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>
/// One measurement of one benchmark written to <c>baselines.json</c> by a <c>record</c> run. A benchmark keeps its
/// few most recent recordings; the <see cref="Baseline"/> compared against is derived from all of them.
/// </summary>
/// <remarks>
/// <see cref="Time"/> is stored exactly. <see cref="Samples"/> and <see cref="NormalisedSamples"/> are rounded to
/// <see cref="SampleSignificantDigits"/> significant digits when the recording is made (a relative error below
/// 5·10⁻⁶, far under any timing noise) so that a baseline update is a short, readable diff.
/// </remarks>
/// <param name="RecordedAt">When the measurement finished, UTC.</param>
/// <param name="Commit">Source commit the run measured, or null when unknown.</param>
/// <param name="OperationsPerSample">Calls of the benchmark per sample.</param>
/// <param name="Time">Statistics of the samples in nanoseconds per operation.</param>
/// <param name="Samples">Each sample's nanoseconds per operation, in the order taken (rounded, see remarks).</param>
/// <param name="NormalisedSamples">Each sample's ln(benchmark ns/op ÷ reference ns/op) (rounded); empty without a reference workload.</param>
/// <param name="AllocatedBytesPerOperation">Managed bytes allocated per call over the measurement stage.</param>
/// <param name="Gc">Garbage collections during the measurement stage.</param>
/// <param name="TotalOperations">Calls of the benchmark during the measurement stage.</param>
public sealed record Recording(
    DateTimeOffset RecordedAt,
    string? Commit,
    long OperationsPerSample,
    RecordedSummary Time,
    IReadOnlyList<double> Samples,
    IReadOnlyList<double> NormalisedSamples,
    double AllocatedBytesPerOperation,
    GcCounts Gc,
    long TotalOperations)
{
    /// <summary>Significant digits kept for each stored sample.</summary>
    public const int SampleSignificantDigits = 6;

    /// <summary>Median of <see cref="NormalisedSamples"/>, or null when there are none.</summary>
    public double? NormalisedMedian => NormalisedSamples.Count == 0 ? null : Baseline.MedianOf(NormalisedSamples);

    /// <summary>The recording of one run's result (samples rounded, timestamp in UTC).</summary>
    /// <param name="result">A trustworthy result of the run.</param>
    /// <param name="commit">The commit measured, or null.</param>
    public static Recording From(BenchmarkResult result, string? commit)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Recording(
            result.Timestamp.ToUniversalTime(),
            string.IsNullOrWhiteSpace(commit) ? null : commit.Trim(),
            result.OperationsPerSample,
            RecordedSummary.From(result.Time),
            result.SamplesNanosecondsPerOperation.Select(Round).ToArray(),
            result.NormalisedSamples.Select(Round).ToArray(),
            result.AllocatedBytesPerOperation,
            result.Gc,
            result.TotalOperations);
    }

    /// <summary><paramref name="value"/> rounded to <see cref="SampleSignificantDigits"/> significant digits (invariant culture).</summary>
    internal static double Round(double value) =>
        double.IsFinite(value)
            ? double.Parse(value.ToString("G" + SampleSignificantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value;

    /// <summary>Why this recording cannot be stored (a non-finite number, no samples), or null when it can.</summary>
    internal string? Problem()
    {
        if (Samples.Count == 0)
            return "it has no samples";
        if (!Time.IsFinite)
            return "its summary has a non-finite value or no samples";
        if (Samples.Any(s => !double.IsFinite(s)))
            return "a sample is not a finite number";
        if (NormalisedSamples.Any(s => !double.IsFinite(s)))
            return "a normalised sample is not a finite number";
        if (!double.IsFinite(AllocatedBytesPerOperation) || AllocatedBytesPerOperation < 0)
            return "allocated bytes per operation is not a finite number ≥ 0";
        if (OperationsPerSample < 1 || TotalOperations < 0 || Gc.Gen0 < 0 || Gc.Gen1 < 0 || Gc.Gen2 < 0)
            return "an operation or GC count is negative";
        return null;
    }

    /// <summary>Value equality including the sample lists (records compare lists by reference).</summary>
    public bool Equals(Recording? other) =>
        other is not null
        && RecordedAt == other.RecordedAt && RecordedAt.Offset == other.RecordedAt.Offset
        && Commit == other.Commit
        && OperationsPerSample == other.OperationsPerSample
        && Time == other.Time
        && Samples.SequenceEqual(other.Samples)
        && NormalisedSamples.SequenceEqual(other.NormalisedSamples)
        && AllocatedBytesPerOperation.Equals(other.AllocatedBytesPerOperation)
        && Gc == other.Gc
        && TotalOperations == other.TotalOperations;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RecordedAt, Commit, OperationsPerSample, Time, Samples.Count, TotalOperations);
}
