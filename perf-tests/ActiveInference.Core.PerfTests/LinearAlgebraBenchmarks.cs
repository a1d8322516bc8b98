using ActiveInference.Benchmarking;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace ActiveInference.Core.PerfTests;

/// <summary>The dense linear algebra under the kernels, on MathNet.Numerics' managed provider.</summary>
public class LinearAlgebraBenchmarks
{
    private Matrix<double> _a = null!;
    private Matrix<double> _b = null!;
    private Matrix<double> _product = null!;
    private Matrix<double> _symmetric = null!;

    /// <summary>Builds one case's n×n matrices (untimed, once per case).</summary>
    public void Prepare(int n)
    {
        _a = ModelFactory.NormalMatrix(n, n, seed: 5);
        _b = ModelFactory.NormalMatrix(n, n, seed: 6);
        _product = Matrix<double>.Build.Dense(n, n);
        _symmetric = _a + _a.Transpose();
    }

    /// <summary>C = A·B into a preallocated result.</summary>
    [PerfBenchmark(Iterations = 20, TimeLimit = 20, Setup = nameof(Prepare))]
    [TestCase(10), TestCase(100), TestCase(500)]
    public double MatrixMultiply(int n)
    {
        _a.Multiply(_b, _product);
        return _product[n - 1, n - 1];
    }

    /// <summary>Eigen decomposition of a symmetric matrix; returns the largest eigenvalue.</summary>
    [PerfBenchmark(Iterations = 20, TimeLimit = 20, Setup = nameof(Prepare))]
    [TestCase(50), TestCase(200)]
    public double SymmetricEigen(int n) => _symmetric.Evd(Symmetricity.Symmetric).EigenValues[n - 1].Real;
}
