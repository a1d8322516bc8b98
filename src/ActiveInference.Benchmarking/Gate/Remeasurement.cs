namespace ActiveInference.Benchmarking.Gate;

/// <summary>What measuring a benchmark again in a fresh process hands the recorded-numbers gate: its samples.</summary>
/// <param name="NanosecondsPerOperation">Each measured sample's ns/op.</param>
/// <param name="AllocatedBytesPerOperation">Bytes allocated per call (the middle sample's).</param>
/// <param name="StateSamples">Per state probe (the reference workload included), its ns/op next to each sample (see
/// <see cref="BenchmarkResult.StateSamples"/>); null or empty without probes.</param>
internal sealed record Remeasurement(double[] NanosecondsPerOperation, double AllocatedBytesPerOperation, Dictionary<string, double[]>? StateSamples = null);
