namespace ActiveInference.Benchmarking.Gate;

/// <summary>The numbers behind the recorded-numbers fallback gate (see <see cref="RegressionGate"/>). Immutable.</summary>
internal sealed record GatePolicy
{
    /// <summary>Relative slow-down that counts as a regression (0.10 = 10%, the seed's).</summary>
    public double Threshold { get; init; } = 0.10;

    /// <summary>
    /// Robust standard deviations (from the median absolute deviation) of the recordings' leave-one-out state-matched changes below which a change is not called: the noise floor
    /// that whole-process offsets put under each benchmark (<see cref="StateMatching.NoiseFloor"/>). The limit is the larger of the threshold and this floor.
    /// </summary>
    public double NoiseMultiplier { get; init; } = 3;

    /// <summary>
    /// Fresh processes that re-measure a suspect (<see cref="StateMatching"/>). Whole processes
    /// land a few percent apart even in the same machine state; independent processes average that out.
    /// </summary>
    public int Confirmations { get; init; } = 2;

    /// <summary>
    /// A process is a suspect (re-measured) once its shift exceeds this fraction of the limit
    /// (0.5: +4.9% for a 10% threshold): the decision is made on the mean of several processes, so a true +20% whose
    /// first process happened to land low is still caught.
    /// </summary>
    public double SuspectFraction { get; init; } = 0.5;

    /// <summary>
    /// Every confirming process must itself exceed this fraction of the limit (0.5: +4.9% for a
    /// 10% threshold), so that one wildly slow process cannot carry the mean alone.
    /// </summary>
    public double ConfirmationFloor { get; init; } = 0.5;

    /// <summary>
    /// How many more fresh processes may replace one whose machine state the baseline never saw
    /// (for the first measurement and for the confirmations each) before the verdict is Inconclusive.
    /// </summary>
    public int UnmatchedRetries { get; init; } = 2;

    /// <summary>Confidence level of the bootstrap interval of the first process's change; an apparent improvement needs its upper bound below 1.</summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Bytes per operation above the baseline that are always tolerated (rounding, a stray allocation).</summary>
    public double AllocationToleranceBytes { get; init; } = 0.5;

    /// <summary>Relative increase of bytes per operation tolerated on top of <see cref="AllocationToleranceBytes"/>.</summary>
    public double AllocationToleranceRelative { get; init; } = 0.05;
}
