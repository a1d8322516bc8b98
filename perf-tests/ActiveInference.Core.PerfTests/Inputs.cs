using MathNet.Numerics.LinearAlgebra;

namespace ActiveInference.Core.PerfTests;

/// <summary>Benchmark inputs, generated from fixed seeds outside the timed region.</summary>
internal static class Inputs
{
    /// <summary>A symmetric, strictly diagonally dominant (so positive definite) precision matrix with off-diagonal coupling decaying as 1/(1+|i−j|)².</summary>
    public static Matrix<double> Precision(int n) =>
        Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? 2.0 : 0.5 / ((1.0 + Math.Abs(i - j)) * (1.0 + Math.Abs(i - j))));
}
