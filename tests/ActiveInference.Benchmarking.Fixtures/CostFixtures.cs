using System.Runtime.CompilerServices;
using ActiveInference.Benchmarking;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>Benchmarks whose costs are in a known ratio: Double does exactly twice Single's work.</summary>
public class CostFixtures
{
    private readonly double[] _data = Enumerable.Range(0, 64).Select(i => 1.0 + i * 0.01).ToArray();

    /// <summary>One pass of a 64-element dot product, repeated <paramref name="units"/> times.</summary>
    [PerfBenchmark(Iterations = 20, Warmup = 2, TimeLimit = 5, WarmupTimeMilliseconds = 200, MinMeasurementTimeMilliseconds = 200)]
    [TestCase(20), TestCase(40)]
    public double Work(int units) => Repeat(units);

    // Optimised from the first call: a method with loops otherwise starts as tier-0 code with on-stack replacement,
    // and in a process that already ran much other code (a test host) its promotion to tier 1 can wait seconds
    // behind the background compiler's queue, so the measured cost would depend on the JIT's state, not the work.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private double Repeat(int units)
    {
        var s = 0.0;
        for (var u = 0; u < units; u++)
            for (var i = 0; i < _data.Length; i++)
                s += _data[i] * _data[(i + u) & 63];
        return s;
    }
}
