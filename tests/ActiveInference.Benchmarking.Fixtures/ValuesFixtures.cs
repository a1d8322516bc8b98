using ActiveInference.Benchmarking;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>A benchmark parametrised with <c>[Values]</c>: one test per value.</summary>
public class ValuesFixtures
{
    /// <summary>Sums 0..size−1.</summary>
    [PerfBenchmark(Iterations = 5, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 20, MinMeasurementTimeMilliseconds = 20)]
    public long Sum([Values(8, 64)] int size)
    {
        long s = 0;
        for (var i = 0; i < size; i++) s += i;
        return s;
    }
}
