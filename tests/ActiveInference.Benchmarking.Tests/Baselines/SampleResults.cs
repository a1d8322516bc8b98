using ActiveInference.Benchmarking.Tests.Assertions;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Tests.Baselines;

/// <summary>Synthetic benchmark results and profiles for the baseline tests.</summary>
internal static class SampleResults
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static MachineProfile Profile(string cpu = "Test CPU 3000", int cores = 2) =>
        new(cpu, cores, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=2ms;ref=dot64");

    /// <summary>A result whose samples are <paramref name="median"/> × (1 ± small steps), finished at <paramref name="at"/>.</summary>
    public static BenchmarkResult Result(string fullName, double median = 1234.5678901, DateTimeOffset? at = null, IReadOnlyList<string>? trustIssues = null)
    {
        var samples = Enumerable.Range(0, 9).Select(i => median * (1 + (i - 4) * 0.01234567891)).ToArray();
        var sorted = samples.Order().ToArray();
        var mean = samples.Average();
        var sd = Math.Sqrt(samples.Sum(s => (s - mean) * (s - mean)) / (samples.Length - 1));
        var summary = new Summary(samples.Length, mean, sd, sorted[0], sorted[^1], sorted[4], sorted[2], sorted[6],
            new ConfidenceInterval(mean - sd, mean + sd, 0.95), new ConfidenceInterval(sorted[2], sorted[6], 0.95));
        return SyntheticResult.Create(24, new GcCounts(3, 1, 0), 1024 * 9, samples, trustIssues: trustIssues, fullName: fullName, name: fullName, suite: "Tests.Suite", timestamp: at ?? Start, time: summary)
            with
        { Elapsed = TimeSpan.FromSeconds(1.5) };
    }

    /// <summary>A fresh empty directory under the system temp folder; delete it in TearDown.</summary>
    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ai-baselines-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
