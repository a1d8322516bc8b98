namespace ActiveInference.Benchmarking.Gate;

/// <summary>The numbers behind the gate's decision rule (see <see cref="RegressionGate"/>). Immutable.</summary>
public sealed record GatePolicy
{
    /// <summary>Relative slow-down that counts as a regression (0.10 = 10%, the seed's).</summary>
    public double Threshold { get; init; } = 0.10;

    /// <summary>
    /// The re-measurement in a fresh process must exceed <c>Threshold × ConfirmationFactor</c> for a suspect to fail
    /// (12.5% for a 10% threshold): whole-process offsets of 8–11% are the main source of false alarms here.
    /// </summary>
    public double ConfirmationFactor { get; init; } = 1.25;

    /// <summary>
    /// Robust standard deviations (from the median absolute deviation) of the baseline recordings' medians below which a change is not called: the noise floor
    /// that whole-process offsets put under each benchmark. The limit is the larger of the threshold and this floor.
    /// </summary>
    public double NoiseMultiplier { get; init; } = 3;

    /// <summary>Confidence level of the bootstrap interval on the ratio; a suspect needs its lower bound above 1.</summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Bytes per operation above the baseline that are always tolerated (rounding, a stray allocation).</summary>
    public double AllocationToleranceBytes { get; init; } = 0.5;

    /// <summary>Relative increase of bytes per operation tolerated on top of <see cref="AllocationToleranceBytes"/>.</summary>
    public double AllocationToleranceRelative { get; init; } = 0.05;
}
