namespace ActiveInference.Benchmarking.Pairing;

/// <summary>Which build a copy of the code under test comes from.</summary>
internal enum Side
{
    /// <summary>The baseline's build (the commit <c>baselines.json</c> names, or <c>baselineRef</c>).</summary>
    Baseline,

    /// <summary>The build being tested: the working tree, dirty or not.</summary>
    Current,
}
