using ActiveInference.Benchmarking;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>A benchmark that returns nothing.</summary>
public class VoidFixtures
{
    private readonly double[] _data = new double[256];

    /// <summary>How often <see cref="Fill"/> ran in this process.</summary>
    public static long Calls { get; set; }

    /// <summary>Fills an array in place.</summary>
    [PerfBenchmark(Iterations = 5, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 20, MinMeasurementTimeMilliseconds = 20)]
    public void Fill()
    {
        Calls++;
        for (var i = 0; i < _data.Length; i++) _data[i] = i * 0.5;
    }
}
