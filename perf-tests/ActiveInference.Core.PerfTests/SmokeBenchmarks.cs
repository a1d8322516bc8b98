using ActiveInference.Benchmarking;
using NUnit.Framework;

namespace ActiveInference.Core.PerfTests;

public class SmokeBenchmarks
{
    private double[] _a = [];

    [OneTimeSetUp]
    public void Setup() => _a = Enumerable.Range(0, 1000).Select(i => i * 0.001).ToArray();

    [PerfBenchmark(Iterations = 30, Warmup = 5, TimeLimit = 10)]
    [TestCase(10), TestCase(100), TestCase(1000)]
    public double Sum(int n)
    {
        var s = 0.0;
        for (var i = 0; i < n; i++) s += _a[i];
        return s;
    }

    [PerfBenchmark]
    public void Empty() { }
}
