namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// A stopping rule with the count decided before the stage starts (the paired sampler: every copy gets the same rounds,
/// sized from the warm-up's round time).
/// </summary>
/// <param name="Count">Samples (rounds) to take.</param>
internal sealed record FixedRoundsRule(int Count) : IStoppingRule
{
    /// <summary>The rounds of <paramref name="roundSeconds"/> s each that fill <paramref name="measurementTime"/>, within <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static FixedRoundsRule ToFill(TimeSpan measurementTime, double roundSeconds, int minimum, int maximum) =>
        new(Math.Clamp((int)Math.Ceiling(measurementTime.TotalSeconds / Math.Max(roundSeconds, 1e-9)), minimum, maximum));

    /// <inheritdoc/>
    public bool ShouldStop(int samples, double elapsedNanoseconds) => samples >= Count;

    /// <inheritdoc/>
    public bool StoppedShort(int samples) => samples < Count;
}
