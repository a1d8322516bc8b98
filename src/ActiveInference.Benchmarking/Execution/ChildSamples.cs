namespace ActiveInference.Benchmarking.Execution;

/// <summary>What a child process hands back: the measured samples of one benchmark.</summary>
/// <param name="NanosecondsPerOperation">Each measured sample's ns/op.</param>
/// <param name="NormalisedSamples">Each sample's ln(benchmark ÷ reference).</param>
/// <param name="AllocatedBytesPerOperation">Median bytes allocated per call.</param>
/// <param name="StateSamples">Per state probe, its ns/op next to each sample (see <see cref="BenchmarkResult.StateSamples"/>); null or empty without probes.</param>
public sealed record ChildSamples(double[] NanosecondsPerOperation, double[] NormalisedSamples, double AllocatedBytesPerOperation,
    Dictionary<string, double[]>? StateSamples = null);
