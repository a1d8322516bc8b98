using ActiveInference.Benchmarking;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>Benchmarks whose costs are in a known ratio: Double does exactly twice Single's work.</summary>
public class CostFixtures
{
    private readonly double[] _data = DotLoop.Data();

    /// <summary>One pass of a 64-element dot product, repeated <paramref name="units"/> times.</summary>
    [PerfBenchmark(Iterations = 20, Warmup = 2, TimeLimit = 5, WarmupTimeMilliseconds = 200, MinMeasurementTimeMilliseconds = 200)]
    [TestCase(20), TestCase(40)]
    public double Work(int units) => Repeat(units);

    private double Repeat(int units) => DotLoop.Repeat(_data, units);
}
