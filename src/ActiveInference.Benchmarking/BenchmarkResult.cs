using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking;

/// <summary>Everything known about one benchmark case after it ran. Times are nanoseconds per operation; memory is bytes.</summary>
public sealed record BenchmarkResult
{
    /// <summary>
    /// Full NUnit name, e.g. <c>ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)</c>: the key of
    /// baselines and history.
    /// </summary>
    public required string FullName { get; init; }

    /// <summary>Short name: method and arguments, e.g. <c>FreeEnergy(100)</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The suite it belongs to: the fixture's full class name.</summary>
    public required string Suite { get; init; }

    /// <summary>Statistics of the measured samples in nanoseconds per operation, overhead subtracted.</summary>
    public required Summary Time { get; init; }

    /// <summary>Each measured sample's nanoseconds per operation, in the order taken.</summary>
    public required IReadOnlyList<double> SamplesNanosecondsPerOperation { get; init; }

    /// <summary>
    /// Each measured sample's ln(ns/op ÷ reference ns/op) (<see cref="ReferenceRatios.Of"/>, from the samples and the
    /// <see cref="QuadraticFormReference.ReferenceName"/> column of <see cref="StateSamples"/>); empty without that column.
    /// </summary>
    internal IReadOnlyList<double> NormalisedSamples =>
        ReferenceRatios.Of(SamplesNanosecondsPerOperation, StateSamples.TryGetValue(QuadraticFormReference.ReferenceName, out var reference) ? reference : null);

    /// <summary>
    /// Per state probe (by name), its ns/op timed right after each measured sample, aligned with <see
    /// cref="SamplesNanosecondsPerOperation"/>.
    /// </summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<double>> StateSamples { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>Calls of the benchmark in each measured sample (chosen by the pilot stage).</summary>
    public required long OperationsPerSample { get; init; }

    /// <summary>Median over the measured samples of managed bytes allocated ÷ calls (after the JIT settled).</summary>
    public required double AllocatedBytesPerOperation { get; init; }

    /// <summary>Garbage collections during the measurement stage.</summary>
    public required GcCounts Gc { get; init; }

    /// <summary>Total calls of the benchmark during the measurement stage.</summary>
    public required long TotalOperations { get; init; }

    /// <summary>Largest managed heap size seen while the benchmark ran, in bytes.</summary>
    public long PeakManagedHeapBytes { get; init; }

    /// <summary>Overhead per call (empty invocation of the same shape) that was subtracted, in nanoseconds.</summary>
    public double OverheadNanosecondsPerOperation { get; init; }

    /// <summary>Named values the benchmark recorded (e.g. the free energy it computed); the seed's <c>custom_metrics</c>.</summary>
    public IReadOnlyDictionary<string, double> CustomMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Wall time of the whole engine run for this benchmark (all stages).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when the measurement stage stopped early at the time limit, with fewer samples than asked for.</summary>
    public bool StoppedByTimeLimit { get; init; }

    /// <summary>Why the numbers should not be trusted (unoptimised code, debugger attached); empty when they can.</summary>
    public IReadOnlyList<string> TrustIssues { get; init; } = [];

    /// <summary>When the measurement finished.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>True when nothing makes the numbers untrustworthy.</summary>
    public bool IsTrustworthy => TrustIssues.Count == 0;
}
