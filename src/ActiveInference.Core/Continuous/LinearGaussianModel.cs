using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace ActiveInference.Core.Continuous;

/// <summary>
/// A linear-Gaussian generative model: hidden state x ∈ ℝⁿ with prior N(η, Πₓ⁻¹), observation
/// o ∈ ℝᵐ with o = W x + noise, noise ~ N(0, Πₒ⁻¹). Immutable after construction.
/// </summary>
/// <remarks>
/// <para>The (Laplace) variational free energy of a belief with mean μ is
/// F(μ; o) = ½ εₒᵀΠₒεₒ + ½ εₓᵀΠₓεₓ − ½ ln|Πₒ| − ½ ln|Πₓ| + ((m+n)/2) ln 2π, with εₒ = o − Wμ and
/// εₓ = μ − η, in nats. It equals −ln p(o, x=μ), and is minimised by the exact posterior mean.</para>
/// <para>Log-determinants come from Cholesky factors, computed once. The posterior precision
/// WᵀΠₒW + Πₓ and its factor are computed on first use (O(mn² + n³)).</para>
/// <para>Thread safety: the overloads without a <see cref="FreeEnergyWorkspace"/> argument use one
/// workspace owned by the model and must not be called from two threads at once; pass your own
/// workspace for concurrent use.</para>
/// </remarks>
public sealed class LinearGaussianModel
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    private readonly Matrix<double> _w;
    private readonly Vector<double> _eta;
    private readonly Matrix<double> _priorPrecision;
    private readonly Matrix<double> _observationPrecision;
    private readonly double[] _wRows;     // m×n row-major
    private readonly double[] _etaArray;  // n
    private readonly double[] _piX;       // n×n row-major
    private readonly double[] _piO;       // m×m row-major
    private readonly double _constant;
    private readonly FreeEnergyWorkspace _workspace;
    private readonly Lazy<PosteriorPrecision> _posterior;

    /// <summary>Creates a model and checks it.</summary>
    /// <param name="w">W, the m×n observation (loading) matrix.</param>
    /// <param name="priorMean">η, the prior mean of x, length n.</param>
    /// <param name="priorPrecision">Πₓ, n×n, symmetric positive definite.</param>
    /// <param name="observationPrecision">Πₒ, m×m, symmetric positive definite.</param>
    /// <exception cref="ArgumentException">A dimension does not match, an entry is not finite, or a precision is not
    /// symmetric positive definite.</exception>
    public LinearGaussianModel(Matrix<double> w, Vector<double> priorMean, Matrix<double> priorPrecision, Matrix<double> observationPrecision)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(priorMean);
        ArgumentNullException.ThrowIfNull(priorPrecision);
        ArgumentNullException.ThrowIfNull(observationPrecision);
        var m = w.RowCount;
        var n = w.ColumnCount;
        Guard.Length(priorMean.Count, n, nameof(priorMean), "η must have one entry per column of W");
        CheckSquare(priorPrecision, n, nameof(priorPrecision), "Πₓ must be n×n, n = columns of W");
        CheckSquare(observationPrecision, m, nameof(observationPrecision), "Πₒ must be m×m, m = rows of W");
        _wRows = PosteriorPrecision.ToRowMajor(w);
        Guard.Finite(_wRows, nameof(w));
        _etaArray = priorMean.ToArray();
        Guard.Finite(_etaArray, nameof(priorMean));

        var logDetX = LogDeterminantOfSpd(priorPrecision, nameof(priorPrecision));
        var logDetO = LogDeterminantOfSpd(observationPrecision, nameof(observationPrecision));

        _w = w.Clone();
        _eta = priorMean.Clone();
        _priorPrecision = priorPrecision.Clone();
        _observationPrecision = observationPrecision.Clone();
        _piX = PosteriorPrecision.ToRowMajor(priorPrecision);
        _piO = PosteriorPrecision.ToRowMajor(observationPrecision);
        StateCount = n;
        ObservationCount = m;
        _constant = (-0.5 * logDetO) - (0.5 * logDetX) + (0.5 * (m + n) * Log2Pi);
        _workspace = new FreeEnergyWorkspace(n, m);
        _posterior = new Lazy<PosteriorPrecision>(() => new PosteriorPrecision(_w, _eta, _priorPrecision, _observationPrecision));
    }

    /// <summary>n, the dimension of the hidden state x (and of beliefs μ).</summary>
    public int StateCount { get; }

    /// <summary>m, the dimension of an observation o.</summary>
    public int ObservationCount { get; }

    /// <summary>A copy of W (m×n).</summary>
    public Matrix<double> W => _w.Clone();

    /// <summary>A copy of η (length n).</summary>
    public Vector<double> PriorMean => _eta.Clone();

    /// <summary>A copy of Πₓ (n×n).</summary>
    public Matrix<double> PriorPrecision => _priorPrecision.Clone();

    /// <summary>A copy of Πₒ (m×m).</summary>
    public Matrix<double> ObservationPrecision => _observationPrecision.Clone();

    /// <summary>The constant part of F: −½ ln|Πₒ| − ½ ln|Πₓ| + ((m+n)/2) ln 2π (nats).</summary>
    public double NormalisationConstant => _constant;

    /// <summary>
    /// A gradient-descent step size that is always stable for this model: 1 / (Gershgorin bound on
    /// the largest eigenvalue of WᵀΠₒW + Πₓ). Computing it the first time costs O(mn² + n³).
    /// </summary>
    public double SafeStepSize => 1.0 / _posterior.Value.LargestEigenvalueBound;

    /// <summary>η as a read-only view (no copy).</summary>
    internal ReadOnlySpan<double> PriorMeanValues => _etaArray;

    /// <summary>The posterior precision and friends, built on first use.</summary>
    internal PosteriorPrecision Posterior => _posterior.Value;

    /// <summary>Creates a workspace sized for this model (for concurrent or explicit-buffer use).</summary>
    public FreeEnergyWorkspace CreateWorkspace() => new(StateCount, ObservationCount);

    /// <summary>F(μ; o) in nats, without allocating (uses the model's own workspace: not thread-safe).</summary>
    /// <param name="mu">Belief mean μ, length n.</param>
    /// <param name="o">Observation o, length m, finite.</param>
    public double FreeEnergy(ReadOnlySpan<double> mu, ReadOnlySpan<double> o) => FreeEnergy(mu, o, _workspace);

    /// <summary>F(μ; o) in nats, using <paramref name="workspace"/> for scratch (no allocation).</summary>
    /// <param name="mu">Belief mean μ, length n.</param>
    /// <param name="o">Observation o, length m, finite.</param>
    /// <param name="workspace">Buffers sized for this model (<see cref="CreateWorkspace"/>).</param>
    public double FreeEnergy(ReadOnlySpan<double> mu, ReadOnlySpan<double> o, FreeEnergyWorkspace workspace)
    {
        CheckArguments(mu, o, workspace);
        return Evaluate(mu, o, workspace, Span<double>.Empty);
    }

    /// <summary>
    /// F(μ; o) and its gradient ∂F/∂μ = −WᵀΠₒεₒ + Πₓεₓ (length n, into <paramref name="gradient"/>),
    /// without allocating (model's own workspace: not thread-safe).
    /// </summary>
    public double FreeEnergyAndGradient(ReadOnlySpan<double> mu, ReadOnlySpan<double> o, Span<double> gradient) =>
        FreeEnergyAndGradient(mu, o, gradient, _workspace);

    /// <summary>F(μ; o) and its gradient into <paramref name="gradient"/> (length n), using <paramref name="workspace"/>.</summary>
    public double FreeEnergyAndGradient(ReadOnlySpan<double> mu, ReadOnlySpan<double> o, Span<double> gradient, FreeEnergyWorkspace workspace)
    {
        CheckArguments(mu, o, workspace);
        Guard.Length(gradient.Length, StateCount, nameof(gradient), "one entry per hidden state");
        return Evaluate(mu, o, workspace, gradient);
    }

    /// <summary>
    /// The same F(μ; o) written plainly with MathNet vectors and matrices: allocates several
    /// temporaries per call. Kept as the simple reference that the allocation-free version is
    /// checked (and benchmarked) against.
    /// </summary>
    public double FreeEnergyAllocating(Vector<double> mu, Vector<double> o)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(o);
        Guard.Length(mu.Count, StateCount, nameof(mu), "one entry per hidden state");
        Guard.Length(o.Count, ObservationCount, nameof(o), "one entry per observation");
        Guard.Finite(o.AsArray() ?? o.ToArray(), nameof(o));
        var eo = o - (_w * mu);
        var ex = mu - _eta;
        return (0.5 * eo.DotProduct(_observationPrecision * eo)) + (0.5 * ex.DotProduct(_priorPrecision * ex)) + _constant;
    }

    /// <summary>
    /// The exact posterior p(x | o) = N(P⁻¹(WᵀΠₒo + Πₓη), P⁻¹), P = WᵀΠₒW + Πₓ, from Cholesky
    /// solves (no explicit inverse for the mean). Allocates the result.
    /// </summary>
    /// <param name="o">Observation, length m, finite.</param>
    public GaussianPosterior ExactPosterior(ReadOnlySpan<double> o)
    {
        Guard.Length(o.Length, ObservationCount, nameof(o), "one entry per observation");
        Guard.Finite(o, nameof(o));
        var p = Posterior;
        var b = new double[StateCount];
        p.RightHandSide(o, b);
        var mean = p.Cholesky.Solve(Vector<double>.Build.Dense(b));
        return new GaussianPosterior(mean.ToArray(), p.Covariance);
    }

    private double Evaluate(ReadOnlySpan<double> mu, ReadOnlySpan<double> o, FreeEnergyWorkspace ws, Span<double> gradient)
    {
        var n = StateCount;
        var m = ObservationCount;
        Span<double> eo = ws.ObservationError;
        Span<double> pe = ws.WeightedObservationError;
        Span<double> ex = ws.StateError;
        Span<double> px = ws.WeightedStateError;
        ReadOnlySpan<double> wRows = _wRows;

        // εₒ = o − Wμ
        for (var i = 0; i < m; i++)
        {
            eo[i] = o[i] - TensorPrimitives.Dot(wRows.Slice(i * n, n), mu);
        }

        // Πₒεₒ
        ReadOnlySpan<double> piO = _piO;
        for (var i = 0; i < m; i++)
        {
            pe[i] = TensorPrimitives.Dot(piO.Slice(i * m, m), eo);
        }

        // εₓ = μ − η, Πₓεₓ
        TensorPrimitives.Subtract(mu, _etaArray, ex);
        ReadOnlySpan<double> piX = _piX;
        for (var i = 0; i < n; i++)
        {
            px[i] = TensorPrimitives.Dot(piX.Slice(i * n, n), ex);
        }

        var f = (0.5 * TensorPrimitives.Dot(eo, pe)) + (0.5 * TensorPrimitives.Dot(ex, px)) + _constant;

        if (!gradient.IsEmpty)
        {
            // ∂F/∂μ = Πₓεₓ − Wᵀ(Πₒεₒ), Wᵀy accumulated row by row of W.
            px.CopyTo(gradient);
            for (var i = 0; i < m; i++)
            {
                TensorPrimitives.MultiplyAdd(wRows.Slice(i * n, n), -pe[i], gradient, gradient);
            }
        }

        return f;
    }

    private void CheckArguments(ReadOnlySpan<double> mu, ReadOnlySpan<double> o, FreeEnergyWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Guard.Length(mu.Length, StateCount, nameof(mu), "one entry per hidden state");
        Guard.Length(o.Length, ObservationCount, nameof(o), "one entry per observation");
        if (workspace.StateCount != StateCount || workspace.ObservationCount != ObservationCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Dimension mismatch: workspace is for n={workspace.StateCount}, m={workspace.ObservationCount}; the model has n={StateCount}, m={ObservationCount}."),
                nameof(workspace));
        }

        Guard.Finite(o, nameof(o));
        Guard.Finite(mu, nameof(mu));
    }

    private static void CheckSquare(Matrix<double> a, int size, string name, string what)
    {
        if (a.RowCount != size || a.ColumnCount != size)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Dimension mismatch: {name} is {a.RowCount}×{a.ColumnCount}, expected {size}×{size} ({what})."),
                name);
        }
    }

    /// <summary>ln|A| for a symmetric positive definite A via Cholesky; throws naming <paramref name="name"/> otherwise.</summary>
    internal static double LogDeterminantOfSpd(Matrix<double> a, string name)
    {
        var size = a.RowCount;
        double scale = 0;
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                var v = a[i, j];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"{name}[{i},{j}] is {v}; a precision matrix must be finite."), name);
                }

                scale = Math.Max(scale, Math.Abs(v));
            }
        }

        for (var i = 0; i < size; i++)
        {
            for (var j = i + 1; j < size; j++)
            {
                if (Math.Abs(a[i, j] - a[j, i]) > 1e-10 * scale)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture,
                            $"{name} is not symmetric: [{i},{j}] = {a[i, j]:R} but [{j},{i}] = {a[j, i]:R}; a precision matrix must be symmetric positive definite."),
                        name);
                }
            }
        }

        try
        {
            var chol = a.Cholesky();
            var logDet = chol.DeterminantLn;
            if (!double.IsFinite(logDet))
            {
                throw new ArgumentException(name + " is not positive definite (its log-determinant is not finite).", name);
            }

            return logDet;
        }
        catch (ArgumentException e) when (e.ParamName != name)
        {
            throw new ArgumentException(name + " is not positive definite (Cholesky factorisation failed); a precision matrix must be symmetric positive definite.", name, e);
        }
    }
}
