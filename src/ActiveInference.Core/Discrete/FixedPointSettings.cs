namespace ActiveInference.Core.Discrete;

/// <summary>Stop rule of fixed-point state inference (pymdp's <c>num_iter</c> and <c>dF_tol</c>).</summary>
/// <param name="MaxIterations">Most Jacobi sweeps, ≥ 1 (pymdp default 10).</param>
/// <param name="FreeEnergyTolerance">Stop once |F_prev − F| &lt; this after a sweep (pymdp default 1e-3); 0 runs every sweep.</param>
public sealed record FixedPointSettings(int MaxIterations = 10, double FreeEnergyTolerance = 1e-3)
{
    /// <summary>pymdp 0.0.7.1's defaults: 10 sweeps, dF_tol 1e-3.</summary>
    public static FixedPointSettings Default { get; } = new();

    /// <summary>Run to a fixed point: 1000 sweeps, never stop on dF (the reference's "converged" variant).</summary>
    public static FixedPointSettings Converged { get; } = new(1000, 0.0);

    /// <summary>Throws when a field is out of range.</summary>
    public void Validate()
    {
        Guard.Positive(MaxIterations, nameof(MaxIterations));
        Guard.NonNegative(FreeEnergyTolerance, nameof(FreeEnergyTolerance));
    }
}
