namespace ActiveInference.Core.Continuous;

/// <summary>What <see cref="VariationalInference.Infer"/> found for one observation.</summary>
/// <param name="Posterior">The Gaussian posterior: mean (length n) and covariance (n×n row-major).</param>
/// <param name="FreeEnergy">F(μ; o) at the returned mean, in nats.</param>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="Converged">True when the relative gradient norm fell below the tolerance before the iteration cap.</param>
/// <param name="RelativeResidual">‖∂F/∂μ‖ / ‖WᵀΠₒo + Πₓη‖ at the returned mean.</param>
public sealed record VariationalResult(GaussianPosterior Posterior, double FreeEnergy, int Iterations, bool Converged, double RelativeResidual)
{
    /// <summary>The posterior mean μ (length n); shorthand for <c>Posterior.Mean</c>.</summary>
    public ReadOnlyMemory<double> Mean => Posterior.Mean;

    /// <summary>The posterior covariance (n×n row-major); shorthand for <c>Posterior.Covariance</c>.</summary>
    public ReadOnlyMemory<double> Covariance => Posterior.Covariance;
}
