namespace ActiveInference.Benchmarking.Assertions;

/// <summary>What an assertion may need besides the <see cref="BenchmarkResult"/>: the machine and the side-by-side comparisons.</summary>
/// <param name="ProfileId">The current machine profile id (the id a perf run prints, honouring the <c>machineProfile</c> override).</param>
/// <param name="Comparisons">The other benchmarks timed beside this one, one per compared method.</param>
public sealed record AssertionContext(string ProfileId, IReadOnlyList<SpeedComparison> Comparisons)
{
    /// <summary>A context without comparisons, on the given profile.</summary>
    public AssertionContext(string profileId) : this(profileId, []) { }
}
