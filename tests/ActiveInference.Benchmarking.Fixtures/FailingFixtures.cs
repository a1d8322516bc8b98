using ActiveInference.Benchmarking;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>A benchmark that throws: its test must end as an Error carrying that exception, as NUnit would.</summary>
public class FailingFixtures
{
    /// <summary>The message of the exception <see cref="Throws"/> throws.</summary>
    public const string Message = "benchmark failed on purpose";

    /// <summary>Throws on every call.</summary>
    [PerfBenchmark(Iterations = 5, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 20, MinMeasurementTimeMilliseconds = 20)]
    public double Throws() => throw new InvalidOperationException(Message);
}
