using ActiveInference.Benchmarking.Tests.Assertions;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

/// <summary>
/// A fixed, deterministic run for exporter tests: two suites, a regression measured paired, a pass against recorded
/// numbers, an untrusted result without a gate, odd names.
/// </summary>
internal static class SampleRun
{
    public static readonly DateTimeOffset Time = new(2025, 3, 1, 12, 30, 45, TimeSpan.Zero);

    /// <summary>The baseline commit Update(1000) was paired against.</summary>
    public const string PairedCommit = "1b56a1b0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7";

    /// <summary>The commit that recorded FreeEnergy(10)'s baseline numbers.</summary>
    public const string RecordedCommit = "d3b45b4f00112233445566778899aabbccddeeff";

    public static RunReport Create(params GatedResult[] results) => new()
    {
        Suite = "ActiveInference.Core.PerfTests",
        Timestamp = Time,
        Config = new Dictionary<string, string> { ["threshold"] = "0.1", ["mode"] = "gate", ["baseline"] = "baselines.json" },
        MachineProfileId = "linux-x64-2cpu",
        MachineProfileDescription = "Intel Xeon, 2 cores, .NET 10.0.0",
        Commit = "0123456789abcdef",
        Branch = "main",
        Results = results.Length > 0 ? results : Default(),
    };

    public static GatedResult[] Default() =>
    [
        // Deliberately out of order: exporters must sort.
        Result("ActiveInference.Core.PerfTests.Inference.Update(1000)", "Update(1000)", "ActiveInference.Core.PerfTests.Inference", 1_512_345.6,
            gate: GateOutcome.Compared(Verdict.Regressed,
                "Update(1000) regressed: +23.4% [+18.0%, +29.0%] against commit 1b56a1b (paired: 3 processes × 4 copies per side), threshold 10%, noise floor ±2.1%; raw medians 1.225 ms → 1.512 ms",
                0.10, ComparisonMethod.Paired, new BaselineName("commit 1b56a1b", PairedCommit), processes: 3, baselineMedianNanoseconds: 1_225_000,
                currentMedianNanoseconds: 1_512_345.6, ratio: 1.234, ratioInterval: new ConfidenceInterval(1.18, 1.29, 0.997), noiseFloor: 0.021) with
            {
                CopiesPerSide = 4,
                ProcessRatios = [1.22, 1.25, 1.232],
                SelfRatios = [1.004, 0.991, 1.012, 0.998, 1.001, 1.007],
                ComparisonSeconds = 5.25,
            }),
        Result("ActiveInference.Core.PerfTests.FreeEnergy.FreeEnergy(10)", "FreeEnergy(10)", "ActiveInference.Core.PerfTests.FreeEnergy", 3_634.25,
            gate: GateOutcome.Compared(Verdict.Passed, "within noise", 0.10, ComparisonMethod.Recorded,
                new BaselineName("the recorded numbers of 2025-02-27", RecordedCommit), processes: 1, baselineMedianNanoseconds: 3_590,
                currentMedianNanoseconds: 3_634.25, ratio: 1.012, ratioInterval: new ConfidenceInterval(0.99, 1.03, 0.99), noiseFloor: 0.034)),
        Result("ActiveInference.Core.PerfTests.FreeEnergy.FreeEnergy(\"a|b`*_<x>\",\n2)", "FreeEnergy(\"a|b`*_<x>\",\n2)", "ActiveInference.Core.PerfTests.FreeEnergy", 12.9,
            gate: null, trust: ["Debug build (not optimised)"], bytes: 24, gc: new GcCounts(3, 1, 0)),
    ];

    /// <summary>A result with the gate's <paramref name="gate"/> outcome on it (null: no gate ran).</summary>
    public static GatedResult Result(
        string fullName, string name, string suite, double medianNs, GateOutcome? gate = null,
        string[]? trust = null, double bytes = 0, GcCounts gc = default)
    {
        double[] samples = [medianNs * 0.98, medianNs, medianNs * 1.01, medianNs * 1.05, medianNs * 0.99];
        var sorted = samples.Order().ToArray();
        var mean = samples.Average();
        var sd = Math.Sqrt(samples.Sum(s => (s - mean) * (s - mean)) / (samples.Length - 1));
        // A reference workload e^0.25 times faster than the median: normalised samples ln(s / median) + 0.25.
        var reference = new Dictionary<string, IReadOnlyList<double>> { [QuadraticFormReference.ReferenceName] = samples.Select(_ => medianNs / Math.Exp(0.25)).ToArray() };
        var measured = SyntheticResult.Create(bytes, gc, 256 * samples.Length, samples, new Dictionary<string, double> { ["free_energy"] = -1.2345678901234567, ["accuracy"] = 0.5 },
            trust, fullName, name, suite, reference, Time.AddSeconds(-5), new Summary(samples.Length, mean, sd, sorted[0], sorted[^1], sorted[2], sorted[1], sorted[3],
                new ConfidenceInterval(mean - sd, mean + sd, 0.95), new ConfidenceInterval(sorted[1], sorted[3], 0.95))) with
        {
            PeakManagedHeapBytes = 1_048_576,
            OverheadNanosecondsPerOperation = 0.75,
            Elapsed = TimeSpan.FromMilliseconds(812.5),
        };
        return new GatedResult(measured, gate);
    }
}
