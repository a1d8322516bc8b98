using System.Globalization;
using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>One measurement of one benchmark written to <c>baselines.json</c> by a <c>record</c> run.</summary>
/// <param name="RecordedAt">When the measurement finished, UTC.</param>
/// <param name="Commit">Source commit the run measured, or null when unknown.</param>
/// <param name="OperationsPerSample">Calls of the benchmark per sample.</param>
/// <param name="Time">Statistics of the samples in nanoseconds per operation.</param>
/// <param name="Samples">Each sample's nanoseconds per operation, in the order taken (rounded to <see
/// cref="SampleSignificantDigits"/> digits).</param>
/// <param name="AllocatedBytesPerOperation">Managed bytes allocated per call over the measurement stage.</param>
/// <param name="Gc">Garbage collections during the measurement stage.</param>
/// <param name="TotalOperations">Calls of the benchmark during the measurement stage.</param>
internal sealed record Recording(
    DateTimeOffset RecordedAt,
    string? Commit,
    long OperationsPerSample,
    RecordedSummary Time,
    IReadOnlyList<double> Samples,
    double AllocatedBytesPerOperation,
    GcCounts Gc,
    long TotalOperations)
{
    /// <summary>Significant digits kept for each stored sample.</summary>
    public const int SampleSignificantDigits = 6;

    /// <summary>Significant digits kept for each stored probe time: states are matched within several percent.</summary>
    public const int StateSignificantDigits = 4;

    /// <summary>
    /// Per state probe (by name), each sample's probe ns/op taken right after it, aligned with <see cref="Samples"/>;
    /// empty without probes.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> StateSamples { get; init; } = EmptyState;

    /// <summary>
    /// Each sample's ln(ns/op ÷ reference ns/op), from <see cref="Samples"/> and the <see cref="QuadraticFormReference.ReferenceName"/>
    /// column of <see cref="StateSamples"/> (<see cref="Statistics.ReferenceRatios.Of"/>); empty without that column.
    /// </summary>
    public IReadOnlyList<double> NormalisedSamples =>
        Statistics.ReferenceRatios.Of(Samples, StateSamples.TryGetValue(QuadraticFormReference.ReferenceName, out var reference) ? reference : null);

    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<double>> EmptyState = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);

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
            result.SamplesNanosecondsPerOperation.Select(v => Round(v)).ToArray(),
            result.AllocatedBytesPerOperation,
            result.Gc,
            result.TotalOperations)
        {
            StateSamples = new SortedDictionary<string, IReadOnlyList<double>>(
                result.StateSamples.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value.Select(v => Round(v, StateSignificantDigits)).ToArray()),
                StringComparer.Ordinal),
        };
    }

    /// <summary><paramref name="value"/> rounded to <see cref="SampleSignificantDigits"/> significant digits (invariant culture).</summary>
    internal static double Round(double value) => Round(value, SampleSignificantDigits);

    private static double Round(double value, int digits) =>
        double.IsFinite(value)
            ? double.Parse(value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value;

    /// <summary>Why this recording cannot be stored (a non-finite number, no samples), or null when it can.</summary>
    /// <param name="samplesRequired">False for a recording read without its samples file: no samples is then no problem.</param>
    internal string? Problem(bool samplesRequired = true)
    {
        if (Samples.Count == 0 && samplesRequired)
            return "it has no samples";
        if (!Time.IsFinite)
            return "its summary has a non-finite value or no samples";
        if (Samples.Any(s => !double.IsFinite(s)))
            return "a sample is not a finite number";
        foreach (var (name, values) in StateSamples)
        {
            if (values.Count != Samples.Count)
                return $"state probe '{name}' has {values.Count} samples where the recording has {Samples.Count}";
            if (values.Any(v => !double.IsFinite(v) || v <= 0))
                return $"a time of state probe '{name}' is not a finite number > 0";
        }
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
        && AllocatedBytesPerOperation.Equals(other.AllocatedBytesPerOperation)
        && Gc == other.Gc
        && TotalOperations == other.TotalOperations
        && StateSamples.Count == other.StateSamples.Count
        && StateSamples.All(p => other.StateSamples.TryGetValue(p.Key, out var o) && p.Value.SequenceEqual(o));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RecordedAt, Commit, OperationsPerSample, Time, Samples.Count, TotalOperations);
}
