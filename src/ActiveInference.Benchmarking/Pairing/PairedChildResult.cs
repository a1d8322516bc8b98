namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a paired child process hands back: the samples, or why a side could not be measured.</summary>
/// <param name="Samples">The samples of every copy; null when a side could not be measured.</param>
/// <param name="BaselineMissing">True when the baseline has no test of this name (the benchmark is new).</param>
/// <param name="Problem">Why a side could not be measured (load, bind, set-up or first-call failure), or null.</param>
/// <param name="ProblemSide">The side <paramref name="Problem"/> is about, or null.</param>
internal sealed record PairedChildResult(PairedSamples? Samples, bool BaselineMissing, string? Problem, Side? ProblemSide)
{
    /// <summary>Wall time of loading and setting up all copies, in seconds.</summary>
    public double SetupSeconds { get; init; }
}
