using ActiveInference.Benchmarking;
using ActiveInference.Benchmarking.Assertions;
using NUnit.Framework;

namespace PerfProject;

public class ExampleBenchmarks
{
    private double[] _values = [];

    /// <summary>Builds one case's input from its argument: untimed, once per case.</summary>
    public void Prepare(int length) => _values = Enumerable.Range(0, length).Select(i => Math.Sin(i)).ToArray();

    /// <summary>The sum of <paramref name="length"/> values: one test per case, each gated against its baseline.</summary>
    [PerfBenchmark(Setup = nameof(Prepare))]
    [MaxAllocatedBytesPerOperation(0)]
    [TestCase(100), TestCase(10_000)]
    public double Sum(int length)
    {
        var sum = 0.0;
        foreach (var value in _values.AsSpan(0, length)) sum += value;
        return sum;
    }
}
