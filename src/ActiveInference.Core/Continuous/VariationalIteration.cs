using System.Numerics.Tensors;

namespace ActiveInference.Core.Continuous;

/// <summary>
/// One mean-field variational iteration (the seed's <c>variational_inference_iteration</c>) on a
/// mean/variance pair for a <see cref="LinearGaussianModel"/>: with q(x) = Πᵢ N(μᵢ, σᵢ²), each
/// coordinate in turn is set to its optimum given the others,
/// σᵢ² = 1/Pᵢᵢ, μᵢ = (bᵢ − Σ_{j≠i} Pᵢⱼ μⱼ)/Pᵢᵢ, with P = WᵀΠₒW + Πₓ and b = WᵀΠₒo + Πₓη.
/// </summary>
/// <remarks>
/// Repeated, the means converge to the exact posterior mean (a Gauss–Seidel sweep on an SPD
/// system); the mean-field variances 1/Pᵢᵢ are at most the exact marginal variances. Allocates
/// nothing; not thread-safe.
/// </remarks>
public sealed class VariationalIteration
{
    private readonly LinearGaussianModel _model;
    private readonly double[] _rhs;

    /// <summary>Prepares iterations for <paramref name="model"/>.</summary>
    public VariationalIteration(LinearGaussianModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _rhs = new double[model.StateCount];
    }

    /// <summary>
    /// Updates <paramref name="mean"/> and <paramref name="variance"/> (both length n) in place by one
    /// coordinate sweep for observation <paramref name="o"/>; returns the largest |change| in a mean.
    /// </summary>
    public double Step(ReadOnlySpan<double> o, Span<double> mean, Span<double> variance)
    {
        var n = _model.StateCount;
        Guard.Length(o.Length, _model.ObservationCount, nameof(o), "one entry per observation");
        Guard.Length(mean.Length, n, nameof(mean), "one entry per hidden state");
        Guard.Length(variance.Length, n, nameof(variance), "one entry per hidden state");
        Guard.Finite(o, nameof(o));
        Guard.Finite(mean, nameof(mean));
        var p = _model.Posterior;
        Span<double> b = _rhs;
        p.RightHandSide(o, b);
        ReadOnlySpan<double> precision = p.Precision;
        double largest = 0;
        for (var i = 0; i < n; i++)
        {
            var pii = p.Diagonal[i];
            var residual = b[i] - TensorPrimitives.Dot(precision.Slice(i * n, n), mean);
            var change = residual / pii;
            mean[i] += change;
            variance[i] = 1.0 / pii;
            largest = Math.Max(largest, Math.Abs(change));
        }

        return largest;
    }
}
