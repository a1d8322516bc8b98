using ActiveInference.Benchmarking;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>A benchmark with an invalid attribute: its test must fail naming the bad value, without running it.</summary>
public class InvalidFixtures
{
    /// <summary>How often <see cref="NoIterations"/> ran; must stay 0.</summary>
    public static int Calls { get; set; }

    /// <summary>Iterations = 0 is invalid.</summary>
    [PerfBenchmark(Iterations = 0)]
    public int NoIterations() => ++Calls;
}
