using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Tests.Assertions;

/// <summary>Synthetic benchmark results for the assertion tests: every field the assertions read can be set.</summary>
internal static class SyntheticResult
{
    public static BenchmarkResult Create(
        double bytesPerOperation = 0,
        GcCounts gc = default,
        long totalOperations = 30_000,
        double[]? samples = null,
        IReadOnlyDictionary<string, double>? metrics = null,
        IReadOnlyList<string>? trustIssues = null)
    {
        samples ??= Enumerable.Range(0, 30).Select(i => 1000.0 + i).ToArray();
        return new BenchmarkResult
        {
            FullName = "Fixtures.Sample.Kernel(10)",
            Name = "Kernel(10)",
            Suite = "Fixtures.Sample",
            Time = SummaryCalculator.Summarise(samples),
            SamplesNanosecondsPerOperation = samples,
            OperationsPerSample = totalOperations / samples.Length,
            AllocatedBytesPerOperation = bytesPerOperation,
            Gc = gc,
            TotalOperations = totalOperations,
            CustomMetrics = metrics ?? new Dictionary<string, double>(),
            Elapsed = TimeSpan.FromSeconds(1),
            TrustIssues = trustIssues ?? [],
            Timestamp = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
        };
    }
}
