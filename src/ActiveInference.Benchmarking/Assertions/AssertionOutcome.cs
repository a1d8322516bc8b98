namespace ActiveInference.Benchmarking.Assertions;

/// <summary>The result of checking one assertion: its status and one line showing measured versus allowed.</summary>
/// <param name="Status">Passed, failed, inconclusive or not applicable.</param>
/// <param name="Message">The assertion, what was measured and what was allowed, e.g.
/// <c>MaxAllocatedBytesPerOperation(0): 264 B/op (median of 30 samples), allowed at most 0 B/op</c>.</param>
public sealed record AssertionOutcome(AssertionStatus Status, string Message)
{
    /// <summary>A passed assertion.</summary>
    public static AssertionOutcome Passed(string message) => new(AssertionStatus.Passed, message);

    /// <summary>A failed assertion.</summary>
    public static AssertionOutcome Failed(string message) => new(AssertionStatus.Failed, message);

    /// <summary>An assertion that cannot be judged on this run.</summary>
    public static AssertionOutcome Inconclusive(string message) => new(AssertionStatus.Inconclusive, message);

    /// <summary>An assertion that does not apply to this case.</summary>
    public static AssertionOutcome NotApplicable(string message) => new(AssertionStatus.NotApplicable, message);

    /// <inheritdoc />
    public override string ToString() => $"[{Status}] {Message}";
}

/// <summary>How one benchmark assertion came out.</summary>
public enum AssertionStatus
{
    /// <summary>The measurement satisfies the limit.</summary>
    Passed,

    /// <summary>The measurement breaks the limit: the test fails.</summary>
    Failed,

    /// <summary>
    /// The limit cannot be judged here (e.g. an absolute time written for another machine): the test ends inconclusive
    /// unless something failed.
    /// </summary>
    Inconclusive,

    /// <summary>
    /// The limit does not apply to this case (e.g. the compared benchmark has no case with these arguments): reported,
    /// changes nothing.
    /// </summary>
    NotApplicable,
}
