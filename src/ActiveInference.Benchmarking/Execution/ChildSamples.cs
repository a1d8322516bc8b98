namespace ActiveInference.Benchmarking.Execution;

/// <summary>What a child process hands back: the measured samples of one benchmark.</summary>
/// <param name="NanosecondsPerOperation">Each measured sample's ns/op.</param>
/// <param name="NormalisedSamples">Each sample's ln(benchmark ÷ reference).</param>
/// <param name="AllocatedBytesPerOperation">Median bytes allocated per call.</param>
public sealed record ChildSamples(double[] NanosecondsPerOperation, double[] NormalisedSamples, double AllocatedBytesPerOperation);
