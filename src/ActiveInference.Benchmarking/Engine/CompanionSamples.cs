namespace ActiveInference.Benchmarking.Engine;

/// <summary>The times of one companion workload: element i was taken right after the i-th measured sample.</summary>
/// <param name="Name">The companion's <see cref="ISideWorkload.Name"/>.</param>
/// <param name="OperationsPerBatch">Calls of the companion per batch.</param>
/// <param name="NanosecondsPerOperation">Nanoseconds per call of each batch, aligned with the measured samples; the
/// loop's empty-call cost is included.</param>
internal sealed record CompanionSamples(string Name, long OperationsPerBatch, IReadOnlyList<double> NanosecondsPerOperation);
