using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>Synthetic results and baselines for the gate's tests: log-ratio samples drawn around a chosen centre.</summary>
internal static class GateSamples
{
    public static readonly MachineProfile Here = new("Test CPU", 2, "Linux", "10.0.0", "1", "engine");
    public static readonly MachineProfile Other = new("Other CPU", 8, "Windows", "10.0.0", "1", "engine");

    /// <summary>n samples of ln(ratio) around ln(<paramref name="ratio"/>) with a given spread (normal, seeded).</summary>
    public static double[] LogRatios(double ratio, int n, double spread, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Math.Log(ratio) + spread * Normal(random)).ToArray();
    }

    public static BenchmarkResult Result(double[] logRatios, double bytesPerOperation = 0, string name = "Kernel(10)")
    {
        var nanoseconds = logRatios.Select(r => 1000 * Math.Exp(r)).ToArray();
        return new BenchmarkResult
        {
            FullName = "Suite." + name,
            Name = name,
            Suite = "Suite",
            Time = SummaryCalculator.Summarise(nanoseconds),
            SamplesNanosecondsPerOperation = nanoseconds,
            NormalisedSamples = logRatios,
            OperationsPerSample = 100,
            AllocatedBytesPerOperation = bytesPerOperation,
            Gc = GcCounts.Zero,
            TotalOperations = 100L * logRatios.Length,
            Elapsed = TimeSpan.FromSeconds(1),
            Timestamp = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        };
    }

    public static Baseline Baseline(double bytesPerOperation = 0, MachineProfile? profile = null, params double[] recordingRatios)
    {
        var ratios = recordingRatios.Length == 0 ? [1.0, 1.0, 1.0] : recordingRatios;
        var recordings = ratios.Select((r, i) => Recording.From(Result(LogRatios(r, 200, 0.05, 100 + i), bytesPerOperation), "abc")).ToArray();
        return new Baseline("Suite.Kernel(10)", profile ?? Here, recordings);
    }

    public static Func<(ChildSamples?, string?)> Child(double ratio, int seed = 7) =>
        () => (new ChildSamples(LogRatios(ratio, 200, 0.05, seed).Select(r => 1000 * Math.Exp(r)).ToArray(), LogRatios(ratio, 200, 0.05, seed), 0), null);

    public static Func<(ChildSamples?, string?)> NoChild => () => throw new InvalidOperationException("no re-measurement expected");

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
