namespace ActiveInference.Benchmarking.Gate;

/// <summary>What the gate concluded about one benchmark against its baseline.</summary>
public enum Verdict
{
    /// <summary>No significant change beyond the threshold.</summary>
    Passed,
    /// <summary>Slower (or allocating more) beyond the threshold, with statistical evidence, confirmed: the test fails.</summary>
    Regressed,
    /// <summary>Faster beyond the threshold with evidence: passes, and suggests recording a new baseline.</summary>
    Improved,
    /// <summary>No baseline on record for this benchmark and machine profile: passes with a note.</summary>
    New,
    /// <summary>The gate cannot tell (other machine profile, too noisy, untrustworthy build): ends inconclusive with the reason.</summary>
    Inconclusive,
    /// <summary>No comparison was made (mode <c>measure</c> or <c>record</c>).</summary>
    NotCompared,
}
