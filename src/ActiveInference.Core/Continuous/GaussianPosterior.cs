using MathNet.Numerics.LinearAlgebra;

namespace ActiveInference.Core.Continuous;

/// <summary>A Gaussian belief over the n hidden states: mean (length n) and covariance (n×n, row-major).</summary>
/// <param name="Mean">Posterior mean μ, length n.</param>
/// <param name="Covariance">Posterior covariance Σ, n×n stored row-major (Σᵢⱼ at i·n + j).</param>
public sealed record GaussianPosterior(ReadOnlyMemory<double> Mean, ReadOnlyMemory<double> Covariance)
{
    /// <summary>n, the dimension of the hidden state.</summary>
    public int Dimension => Mean.Length;

    /// <summary>Σᵢⱼ.</summary>
    public double CovarianceAt(int i, int j) => Covariance.Span[(i * Dimension) + j];

    /// <summary>A fresh MathNet copy of the covariance (allocates).</summary>
    public Matrix<double> CovarianceMatrix()
    {
        var n = Dimension;
        var rowMajor = Covariance.ToArray();
        return Matrix<double>.Build.Dense(n, n, (i, j) => rowMajor[(i * n) + j]);
    }
}
