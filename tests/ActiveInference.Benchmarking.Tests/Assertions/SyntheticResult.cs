using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Tests.Assertions;

/// <summary>
/// The one builder of made-up <see cref="BenchmarkResult"/>s in the tests: every field a test reads can be set, the
/// rest have plain defaults; a test's own shape is this result <c>with</c> what it changes.
/// </summary>
internal static class SyntheticResult
{
    /// <summary>
    /// A result of <paramref name="samples"/> (ns/op; default 30 samples 1000…1029), summarised as the engine does (or as <paramref name="time"/> says: a NaN sample cannot be summarised), with
    /// <paramref name="totalOperations"/> spread evenly over the samples.
    /// </summary>
    public static BenchmarkResult Create(
        double bytesPerOperation = 0,
        GcCounts gc = default,
        long totalOperations = 30_000,
        double[]? samples = null,
        IReadOnlyDictionary<string, double>? metrics = null,
        IReadOnlyList<string>? trustIssues = null,
        string fullName = "Fixtures.Sample.Kernel(10)",
        string name = "Kernel(10)",
        string suite = "Fixtures.Sample",
        IReadOnlyDictionary<string, IReadOnlyList<double>>? state = null,
        DateTimeOffset? timestamp = null,
        Summary? time = null)
    {
        samples ??= Enumerable.Range(0, 30).Select(i => 1000.0 + i).ToArray();
        return new BenchmarkResult
        {
            FullName = fullName,
            Name = name,
            Suite = suite,
            Time = time ?? SummaryCalculator.Summarise(samples),
            SamplesNanosecondsPerOperation = samples,
            StateSamples = state ?? new Dictionary<string, IReadOnlyList<double>>(),
            OperationsPerSample = totalOperations / samples.Length,
            AllocatedBytesPerOperation = bytesPerOperation,
            Gc = gc,
            TotalOperations = totalOperations,
            CustomMetrics = metrics ?? new Dictionary<string, double>(),
            Elapsed = TimeSpan.FromSeconds(1),
            TrustIssues = trustIssues ?? [],
            Timestamp = timestamp ?? new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
        };
    }
}
