namespace ActiveInference.Benchmarking.Gate;

/// <summary>What the gate concluded about one benchmark against its baseline.</summary>
internal enum Verdict
{
    /// <summary>No change beyond the threshold (or beyond the noise floor, where that is wider) could be shown.</summary>
    Passed,
    /// <summary>Slower (or allocating more) beyond the threshold, with statistical evidence, confirmed: the test fails.</summary>
    Regressed,
    /// <summary>
    /// Faster beyond the threshold with evidence: passes; when the baseline's code was measured beside it, the message
    /// suggests recording new baselines.
    /// </summary>
    Improved,
    /// <summary>
    /// The baseline has no such benchmark (its code lacks the test, or, without baseline code, nothing was recorded for
    /// it): passes with a note.
    /// </summary>
    New,
    /// <summary>
    /// The gate cannot tell (a baseline that throws or does not build, recorded numbers from an unseen machine state or
    /// another profile, an untrustworthy build): ends inconclusive with the reason.
    /// </summary>
    Inconclusive,
    /// <summary>No comparison was made (mode <c>measure</c> or <c>record</c>).</summary>
    NotCompared,
    /// <summary>
    /// Nothing the benchmark can execute differs between the baseline's build and the current one (its methods, set-ups,
    /// what they reach, packages, runtime): passes without being measured against the baseline.
    /// </summary>
    Unchanged,
}
