namespace ActiveInference.Benchmarking.Gate;

/// <summary>What one paired process gave the gate: a comparison, or the verdict and reason that end the decision (new, inconclusive).</summary>
/// <param name="Comparison">The process's comparison, or null.</param>
/// <param name="Stop">The verdict when no comparison could be made: <see cref="Verdict.New"/> or <see cref="Verdict.Inconclusive"/>.</param>
/// <param name="Reason">Why, for <paramref name="Stop"/>.</param>
internal sealed record PairedProcessResult(ProcessComparison? Comparison, Verdict? Stop, string? Reason)
{
    /// <summary>
    /// Wall time the process took, in seconds (set-up, warm-up and measurement): the gate stops adding processes when
    /// the next would overrun its budget.
    /// </summary>
    public double Seconds { get; init; }

    public static PairedProcessResult Of(ProcessComparison comparison) => new(comparison, null, null);

    public static PairedProcessResult Failed(Verdict verdict, string reason) => new(null, verdict, reason);
}
