using System.Numerics.Tensors;

namespace ActiveInference.Core.Continuous;

/// <summary>
/// Variational (Laplace) inference for a <see cref="LinearGaussianModel"/>: minimises F(μ; o)
/// over μ by conjugate-gradient iterations until the gradient is small, and takes the covariance
/// from the curvature of F, Σ = (WᵀΠₒW + Πₓ)⁻¹ (by Cholesky solves, computed once per model).
/// For this model the fixed point is the exact posterior.
/// </summary>
/// <remarks>
/// F is quadratic in μ with Hessian P = WᵀΠₒW + Πₓ, so each iteration is one conjugate-gradient
/// step on ∂F/∂μ = Pμ − (WᵀΠₒo + Πₓη); it starts from the prior mean η. Convergence: relative
/// gradient norm ‖∂F/∂μ‖/‖WᵀΠₒo + Πₓη‖ ≤ <see cref="Tolerance"/>. Iterations allocate nothing; the
/// result (mean array, record) is allocated once per call. Not thread-safe.
/// </remarks>
public sealed class VariationalInference
{
    private readonly LinearGaussianModel _model;
    private readonly double[] _mean;
    private readonly double[] _residual;
    private readonly double[] _direction;
    private readonly double[] _product;
    private readonly double[] _rhs;

    /// <summary>Prepares inference for <paramref name="model"/>.</summary>
    /// <param name="model">The generative model.</param>
    /// <param name="tolerance">Relative gradient norm at which to stop, &gt; 0 (default 1e-12).</param>
    /// <param name="maxIterations">Iteration cap, ≥ 1 (default 10·n + 10).</param>
    public VariationalInference(LinearGaussianModel model, double tolerance = 1e-12, int? maxIterations = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.Positive(tolerance, nameof(tolerance));
        var cap = maxIterations ?? ((10 * model.StateCount) + 10);
        Guard.Positive(cap, nameof(maxIterations));
        _model = model;
        Tolerance = tolerance;
        MaxIterations = cap;
        var n = model.StateCount;
        _mean = new double[n];
        _residual = new double[n];
        _direction = new double[n];
        _product = new double[n];
        _rhs = new double[n];
    }

    /// <summary>The model inferred on.</summary>
    public LinearGaussianModel Model => _model;

    /// <summary>Relative gradient norm at which iterations stop.</summary>
    public double Tolerance { get; }

    /// <summary>The most iterations one <see cref="Infer"/> takes.</summary>
    public int MaxIterations { get; }

    /// <summary>Infers the posterior for observation <paramref name="o"/> (length m, finite).</summary>
    public VariationalResult Infer(ReadOnlySpan<double> o)
    {
        (var iterations, var converged, var residual) = Solve(o);
        var f = _model.FreeEnergy(_mean, o);
        var posterior = new GaussianPosterior(_mean.ToArray(), _model.Posterior.Covariance);
        return new VariationalResult(posterior, f, iterations, converged, residual);
    }

    private (int Iterations, bool Converged, double Residual) Solve(ReadOnlySpan<double> o)
    {
        Guard.Length(o.Length, _model.ObservationCount, nameof(o), "one entry per observation");
        Guard.Finite(o, nameof(o));
        var p = _model.Posterior;
        Span<double> x = _mean;
        Span<double> r = _residual;
        Span<double> d = _direction;
        Span<double> q = _product;
        Span<double> b = _rhs;

        p.RightHandSide(o, b);
        var bNorm = TensorPrimitives.Norm((ReadOnlySpan<double>)b);
        if (bNorm == 0)
        {
            bNorm = 1;
        }

        _model.PriorMeanValues.CopyTo(x);
        p.Multiply(x, q);
        TensorPrimitives.Subtract(b, q, r); // r = b − Pμ = −∂F/∂μ
        r.CopyTo(d);
        var rr = TensorPrimitives.Dot(r, r);
        var threshold = Tolerance * bNorm;
        var k = 0;
        while (Math.Sqrt(rr) > threshold && k < MaxIterations)
        {
            p.Multiply(d, q);
            var alpha = rr / TensorPrimitives.Dot(d, q);
            TensorPrimitives.MultiplyAdd(d, alpha, x, x);
            TensorPrimitives.MultiplyAdd(q, -alpha, r, r);
            k++;
            if (k % 50 == 0)
            {
                // Refresh the recursively updated residual against drift.
                p.Multiply(x, q);
                TensorPrimitives.Subtract(b, q, r);
            }

            var rrNew = TensorPrimitives.Dot(r, r);
            TensorPrimitives.MultiplyAdd(d, rrNew / rr, r, d);
            rr = rrNew;
        }

        // Report the true residual, not the recursive one.
        p.Multiply(x, q);
        TensorPrimitives.Subtract(b, q, r);
        var residual = TensorPrimitives.Norm((ReadOnlySpan<double>)r) / bNorm;
        return (k, residual <= Tolerance, residual);
    }
}
