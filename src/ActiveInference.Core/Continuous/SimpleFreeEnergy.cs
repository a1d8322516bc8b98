using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace ActiveInference.Core.Continuous;

/// <summary>
/// The seed's simple free energy <c>compute_free_energy(observations, beliefs, precision)</c>, kept
/// as a convenience: observations and beliefs live in the same k-dimensional space (W = I, no
/// prior term), and F = ½ (o − μ)ᵀ Π (o − μ) − ½ ln|Π| + (k/2) ln 2π, i.e. −ln N(o; μ, Π⁻¹), in
/// nats. For the full generative model use <see cref="LinearGaussianModel.FreeEnergy(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.
/// </summary>
/// <remarks>
/// An instance holds Π (checked symmetric positive definite once, ln|Π| by Cholesky) and a scratch
/// buffer, so <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double})"/> allocates nothing;
/// it is not thread-safe. The static overload does everything in one call and allocates.
/// </remarks>
public sealed class SimpleFreeEnergy
{
    private readonly double[] _precision; // k×k row-major
    private readonly double[] _error;
    private readonly double _constant;

    /// <summary>Prepares F for one precision matrix.</summary>
    /// <param name="precision">Π, k×k, symmetric positive definite.</param>
    public SimpleFreeEnergy(Matrix<double> precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        if (precision.RowCount != precision.ColumnCount)
        {
            throw new ArgumentException($"Dimension mismatch: precision is {precision.RowCount}×{precision.ColumnCount}, expected a square matrix.", nameof(precision));
        }

        var logDet = LinearGaussianModel.LogDeterminantOfSpd(precision, nameof(precision));
        Dimension = precision.RowCount;
        _precision = PosteriorPrecision.ToRowMajor(precision);
        _error = new double[Dimension];
        _constant = (-0.5 * logDet) + (0.5 * Dimension * Math.Log(2 * Math.PI));
    }

    /// <summary>k, the dimension of observations and beliefs.</summary>
    public int Dimension { get; }

    /// <summary>F in nats for one observation and belief mean (both length k); no allocation.</summary>
    public double Compute(ReadOnlySpan<double> observations, ReadOnlySpan<double> beliefs)
    {
        var k = Dimension;
        Guard.Length(observations.Length, k, nameof(observations), "one entry per row of the precision");
        Guard.Length(beliefs.Length, k, nameof(beliefs), "one entry per row of the precision");
        Guard.Finite(observations, nameof(observations));
        Guard.Finite(beliefs, nameof(beliefs));
        Span<double> e = _error;
        TensorPrimitives.Subtract(observations, beliefs, e);
        ReadOnlySpan<double> p = _precision;
        double quadratic = 0;
        for (var i = 0; i < k; i++)
        {
            quadratic += e[i] * TensorPrimitives.Dot(p.Slice(i * k, k), e);
        }

        return (0.5 * quadratic) + _constant;
    }

    /// <summary>One-shot F = ½ (o − μ)ᵀ Π (o − μ) − ½ ln|Π| + (k/2) ln 2π; factorises Π each call (allocates).</summary>
    /// <param name="observations">o, length k.</param>
    /// <param name="beliefs">μ, length k.</param>
    /// <param name="precision">Π, k×k, symmetric positive definite.</param>
    public static double Compute(ReadOnlySpan<double> observations, ReadOnlySpan<double> beliefs, Matrix<double> precision) =>
        new SimpleFreeEnergy(precision).Compute(observations, beliefs);
}
