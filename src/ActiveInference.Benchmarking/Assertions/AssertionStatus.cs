namespace ActiveInference.Benchmarking.Assertions;

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
