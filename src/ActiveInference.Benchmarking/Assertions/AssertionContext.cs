namespace ActiveInference.Benchmarking.Assertions;

/// <summary>What an assertion may need besides the <see cref="BenchmarkResult"/>: the machine and the side-by-side comparisons.</summary>
/// <param name="ProfileId">The current machine profile id (the id a perf run prints, honouring the <c>machineProfile</c> override).</param>
/// <param name="Comparisons">The other benchmarks timed beside this one, one per compared method.</param>
public sealed record AssertionContext(string ProfileId, IReadOnlyList<SpeedComparison> Comparisons)
{
    /// <summary>A context without comparisons, on the given profile.</summary>
    public AssertionContext(string profileId) : this(profileId, []) { }
}

/// <summary>The benchmark timed against another method of its fixture: one ns/op ratio per measured sample.</summary>
/// <param name="Method">The other method's name, as written in the assertion.</param>
/// <param name="Case">The other method's case that ran, e.g. <c>FreeEnergyAllocating(10)</c>.</param>
/// <param name="Ratios">One time ratio per measured sample (below 1: the benchmark is faster); empty when not measured.</param>
/// <param name="NotMeasuredReason">Why the other method was not run beside this case (e.g. it has no case with these arguments), or null.</param>
public sealed record SpeedComparison(string Method, string Case, IReadOnlyList<double> Ratios, string? NotMeasuredReason = null);
