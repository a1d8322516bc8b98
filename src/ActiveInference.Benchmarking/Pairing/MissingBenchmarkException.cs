namespace ActiveInference.Benchmarking.Pairing;

/// <summary>The baseline's build has no test of this full name: the benchmark is new.</summary>
internal sealed class MissingBenchmarkException(string message) : Exception(message);
