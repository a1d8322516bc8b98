using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// Turns an <see cref="EngineRun"/> into the run-level <see cref="BenchmarkResult"/>: the measured samples' columns,
/// summarised by <see cref="SummaryCalculator"/> (times and bytes per call), and GC totals.
/// </summary>
internal static class ResultFactory
{
    /// <summary>Builds the result for one benchmark case.</summary>
    public static BenchmarkResult Create(string fullName, string name, string suite, EngineRun run,
        IReadOnlyDictionary<string, double> customMetrics, IReadOnlyList<string> trustIssues, DateTimeOffset timestamp)
    {
        var measured = run.Measured;
        var nanoseconds = measured.Select(m => m.NanosecondsPerOperation).ToArray();
        var state = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        if (run.ReferenceName is not null && run.Probes.Count > 0)
        {
            state[run.ReferenceName] = measured.Select(m => m.ReferenceNanosecondsPerOperation).ToArray();
            foreach (var probe in run.Probes) state[probe.Name] = probe.NanosecondsPerOperation;
        }
        var gc = measured.Aggregate(GcCounts.Zero, (sum, m) => sum + m.Gc);
        return new BenchmarkResult
        {
            FullName = fullName,
            Name = name,
            Suite = suite,
            Time = SummaryCalculator.Summarise(nanoseconds),
            SamplesNanosecondsPerOperation = nanoseconds,
            StateSamples = state,
            OperationsPerSample = run.OperationsPerSample,
            AllocatedBytesPerOperation = SummaryCalculator.MiddleValue(measured.Select(m => m.AllocatedBytesPerOperation)),
            Gc = gc,
            TotalOperations = measured.Sum(m => m.Operations),
            PeakManagedHeapBytes = run.PeakManagedHeapBytes,
            OverheadNanosecondsPerOperation = run.OverheadNanosecondsPerOperation,
            CustomMetrics = customMetrics,
            Elapsed = run.Elapsed,
            StoppedByTimeLimit = run.StoppedByTimeLimit,
            TrustIssues = trustIssues,
            Timestamp = timestamp,
        };
    }
}
