using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The default reference: a 32-dimensional quadratic form eᵀPe with plain loops, compute-bound floating point
/// like the kernels it normalises. Measured on the noisy 2-core machine, its slow state slowed it ×1.80 against
/// ×1.65–1.85 for compute-bound kernels, while a scalar FP chain (×1.08) or a memory pass (×1.35) did not track them.
/// </summary>
public sealed class QuadraticFormReference : IReferenceWorkload
{
    private const int Dimension = 32;
    private readonly double[] _precision = new double[Dimension * Dimension];
    private readonly double[] _error = new double[Dimension];
    private double _sink;

    /// <summary>Builds the fixed matrix and vector (deterministic values, no randomness).</summary>
    public QuadraticFormReference()
    {
        for (var i = 0; i < Dimension; i++)
        {
            _error[i] = 0.5 + (i % 7) * 0.125;
            for (var j = 0; j < Dimension; j++)
                _precision[i * Dimension + j] = i == j ? 2.0 : 1.0 / (1 + Math.Abs(i - j));
        }
    }

    /// <inheritdoc />
    public string Name => "quadratic-form-32";

    /// <summary>The last value computed, so the work cannot be optimised away.</summary>
    public double Sink => _sink;

    /// <inheritdoc />
    /// <remarks>
    /// Optimised from the first call (as is <see cref="Evaluate"/>): methods with loops otherwise start as tier-0 code
    /// with on-stack replacement and are promoted later, at a time that depends on the process (seconds late in a
    /// busy one), so the yardstick itself would change speed between benchmarks and processes.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void Run(long operations)
    {
        var sum = 0.0;
        for (long k = 0; k < operations; k++)
            sum += Evaluate();
        _sink = sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private double Evaluate()
    {
        var p = _precision;
        var e = _error;
        var s = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            var row = 0.0;
            var offset = i * Dimension;
            for (var j = 0; j < Dimension; j++)
                row += p[offset + j] * e[j];
            s += e[i] * row;
        }
        return s;
    }
}
