using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace ActiveInference.Core.Continuous;

/// <summary>
/// What the Gaussian posterior of a <see cref="LinearGaussianModel"/> needs, computed once:
/// P = WᵀΠₒW + Πₓ (the Hessian of F), K = WᵀΠₒ and c = Πₓη, so that the posterior mean solves
/// P μ = K o + c; and P's Cholesky factor, which gives the covariance P⁻¹ by solves.
/// </summary>
internal sealed class PosteriorPrecision
{
    public PosteriorPrecision(Matrix<double> w, Vector<double> eta, Matrix<double> priorPrecision, Matrix<double> observationPrecision)
    {
        var n = w.ColumnCount;
        var m = w.RowCount;
        var k = w.TransposeThisAndMultiply(observationPrecision); // n×m
        var p = (k * w) + priorPrecision;
        p = 0.5 * (p + p.Transpose()); // exact symmetry against round-off
        var c = priorPrecision * eta;

        N = n;
        M = m;
        Precision = ToRowMajor(p);
        Gain = ToRowMajor(k);
        PriorTerm = c.ToArray();
        Diagonal = p.Diagonal().ToArray();
        Cholesky = p.Cholesky();
        Covariance = ToRowMajor(Cholesky.Solve(Matrix<double>.Build.DenseIdentity(n)));

        // Gershgorin bound on the largest eigenvalue of P: gradient descent on F is stable for
        // step sizes below 2/λmax, so 1/bound is always safe.
        double bound = 0;
        for (var i = 0; i < n; i++)
        {
            double row = 0;
            for (var j = 0; j < n; j++)
            {
                row += Math.Abs(p[i, j]);
            }

            bound = Math.Max(bound, row);
        }

        LargestEigenvalueBound = bound;
    }

    public int N { get; }

    public int M { get; }

    /// <summary>P, n×n row-major.</summary>
    public double[] Precision { get; }

    /// <summary>K = WᵀΠₒ, n×m row-major.</summary>
    public double[] Gain { get; }

    /// <summary>c = Πₓη, length n.</summary>
    public double[] PriorTerm { get; }

    /// <summary>diag(P), length n.</summary>
    public double[] Diagonal { get; }

    public Cholesky<double> Cholesky { get; }

    /// <summary>P⁻¹, n×n row-major, from Cholesky solves against the identity.</summary>
    public double[] Covariance { get; }

    public double LargestEigenvalueBound { get; }

    /// <summary>b = K o + c (length n) into <paramref name="b"/>.</summary>
    public void RightHandSide(ReadOnlySpan<double> o, Span<double> b)
    {
        for (var i = 0; i < N; i++)
        {
            b[i] = System.Numerics.Tensors.TensorPrimitives.Dot(Gain.AsSpan(i * M, M), o) + PriorTerm[i];
        }
    }

    /// <summary>y = P x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < N; i++)
        {
            y[i] = System.Numerics.Tensors.TensorPrimitives.Dot(Precision.AsSpan(i * N, N), x);
        }
    }

    internal static double[] ToRowMajor(Matrix<double> a)
    {
        var result = new double[a.RowCount * a.ColumnCount];
        for (var i = 0; i < a.RowCount; i++)
        {
            for (var j = 0; j < a.ColumnCount; j++)
            {
                result[(i * a.ColumnCount) + j] = a[i, j];
            }
        }

        return result;
    }
}
