namespace ActiveInference.Benchmarking.Pairing;

/// <summary>Where a benchmark's code starts, by name, so the same benchmark can be found in another build's assemblies.</summary>
/// <param name="FixtureType">The fixture's full type name (reflection form, nested types joined by <c>+</c>).</param>
/// <param name="Method">The benchmark method's name.</param>
/// <param name="Setup">The per-case set-up method's name (<see cref="PerfBenchmarkAttribute.Setup"/>), or null.</param>
/// <param name="SampleSetup">The per-sample set-up method's name (<see cref="PerfBenchmarkAttribute.SampleSetup"/>), or null.</param>
internal sealed record BenchmarkMember(string FixtureType, string Method, string? Setup, string? SampleSetup);
