namespace ActiveInference.Benchmarking.Gate;

/// <summary>What the gate concluded about one benchmark against its baseline.</summary>
public enum Verdict
{
    /// <summary>No significant change beyond the threshold.</summary>
    Passed,
    /// <summary>Slower (or allocating more) beyond the threshold, with statistical evidence, confirmed: the test fails.</summary>
    Regressed,
    /// <summary>Faster beyond the threshold with evidence: passes; when the baseline's code was measured beside it, the message suggests recording new baselines.</summary>
    Improved,
    /// <summary>No baseline on record for this benchmark and machine profile: passes with a note.</summary>
    New,
    /// <summary>The gate cannot tell (a baseline that throws or does not build, recorded numbers from an unseen machine state or another profile, an untrustworthy build): ends inconclusive with the reason.</summary>
    Inconclusive,
    /// <summary>No comparison was made (mode <c>measure</c> or <c>record</c>).</summary>
    NotCompared,
}
