using ActiveInference.Benchmarking;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace ActiveInference.Core.PerfTests;

/// <summary>
/// The seed's memory benchmarks: allocating vectors and matrices. Their bytes per operation are the point; their
/// time is bound by memory and the GC, so they get a wider time threshold.
/// </summary>
public class AllocationBenchmarks
{
    /// <summary>A zeroed dense vector of n doubles.</summary>
    [PerfBenchmark(Threshold = 0.25)]
    [TestCase(100), TestCase(10_000)]
    public Vector<double> VectorAllocation(int n) => Vector<double>.Build.Dense(n);

    /// <summary>A zeroed dense n×n matrix.</summary>
    [PerfBenchmark(Threshold = 0.25)]
    [TestCase(10), TestCase(100)]
    public Matrix<double> MatrixAllocation(int n) => Matrix<double>.Build.Dense(n, n);

    /// <summary>A batch of 100 vectors of 1000 doubles.</summary>
    [PerfBenchmark(Threshold = 0.25)]
    public Vector<double>[] VectorBatch()
    {
        var batch = new Vector<double>[100];
        for (var i = 0; i < batch.Length; i++) batch[i] = Vector<double>.Build.Dense(1000);
        return batch;
    }

    /// <summary>A batch of 10 matrices of 100×100.</summary>
    [PerfBenchmark(Threshold = 0.25)]
    public Matrix<double>[] MatrixBatch()
    {
        var batch = new Matrix<double>[10];
        for (var i = 0; i < batch.Length; i++) batch[i] = Matrix<double>.Build.Dense(100, 100);
        return batch;
    }
}
