namespace ActiveInference.Benchmarking.Gate;

/// <summary>The numbers behind the recorded-numbers fallback gate (see <see cref="RecordedGate"/>). Immutable.</summary>
internal sealed record RecordedGatePolicy
{
    /// <summary>Relative slow-down that counts as a regression (0.10 = 10%, the seed's).</summary>
    public double Threshold { get; init; } = 0.10;

    /// <summary>
    /// Robust standard deviations of the recordings' leave-one-out changes that make the noise floor (<see
    /// cref="StateMatching.NoiseFloor"/>); the limit is the larger of the threshold and this floor.
    /// </summary>
    public double NoiseMultiplier { get; init; } = 3;

    /// <summary>Fresh processes that re-measure a suspect (<see cref="StateMatching"/>).</summary>
    public int Confirmations { get; init; } = 2;

    /// <summary>A process is a suspect (re-measured) once its shift exceeds this fraction of the limit.</summary>
    public double SuspectFraction { get; init; } = 0.5;

    /// <summary>Every confirming process must itself exceed this fraction of the limit, so one slow process cannot carry the mean.</summary>
    public double ConfirmationFloor { get; init; } = 0.5;

    /// <summary>Fresh processes that may replace one whose machine state the baseline never saw, before the verdict is Inconclusive.</summary>
    public int UnmatchedRetries { get; init; } = 2;

    /// <summary>
    /// Confidence level of the bootstrap interval of the first process's change; an apparent improvement needs its
    /// upper bound below 1.
    /// </summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Bytes per operation above the baseline that are always tolerated (rounding, a stray allocation).</summary>
    public double AllocationToleranceBytes { get; init; } = 0.5;

    /// <summary>Relative increase of bytes per operation tolerated on top of <see cref="AllocationToleranceBytes"/>.</summary>
    public double AllocationToleranceRelative { get; init; } = 0.05;
}
