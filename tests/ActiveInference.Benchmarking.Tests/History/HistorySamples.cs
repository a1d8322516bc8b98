using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Statistics;
using ActiveInference.Benchmarking.Tests.Assertions;

namespace ActiveInference.Benchmarking.Tests.History;

/// <summary>Gate runs and history runs made up for the history-folder tests.</summary>
internal static class HistorySamples
{
    public const string Anchor = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string NewAnchor = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A benchmark result gated by a paired comparison with <paramref name="baselineCommit"/> at <paramref name="ratio"/>.</summary>
    public static GatedResult PairedWith(string name, double ratio, string baselineCommit = Anchor, Verdict verdict = Verdict.Passed, double bytes = 0) =>
        new(Result(name, bytes), GateOutcome.Compared(verdict, "m", 0.10, ComparisonMethod.Paired, new BaselineName("commit " + baselineCommit[..7], baselineCommit),
            processes: 2, baselineMedianNanoseconds: 1000, currentMedianNanoseconds: 1000 * ratio, ratio: ratio,
            ratioInterval: new ConfidenceInterval(ratio * 0.98, ratio * 1.02, 0.95), noiseFloor: 0.02) with
        { CopiesPerSide = 4 });

    public static GatedResult Unchanged(string name, string baselineCommit = Anchor) =>
        new(Result(name, 0), new GateOutcome { Verdict = Verdict.Unchanged, Message = "m", Threshold = 0.10, CurrentMedianNanoseconds = double.NaN, BaselineCommit = baselineCommit });

    public static GatedResult Recorded(string name, double ratio) =>
        new(Result(name, 0), new GateOutcome
        {
            Verdict = Verdict.Passed,
            Message = "m",
            Ratio = ratio,
            RatioInterval = new ConfidenceInterval(ratio * 0.9, ratio * 1.1, 0.95),
            Threshold = 0.10,
            BaselineMedianNanoseconds = 1000,
            CurrentMedianNanoseconds = 1000 * ratio,
            Method = ComparisonMethod.Recorded,
            BaselineCommit = "cccccccccccccccccccccccccccccccccccccccc", // no description: as an older results file stores it
            Processes = 1,
        });

    public static RunReport Report(string commit, string? branch, params GatedResult[] results) => new()
    {
        Suite = "Fixtures",
        Timestamp = Start,
        MachineProfileId = "linux-x64-2cpu",
        Commit = commit,
        Branch = branch,
        Results = results,
    };

    /// <summary>A history run of <paramref name="commit"/> against <paramref name="anchor"/>, <paramref name="day"/> days after <see cref="Start"/>.</summary>
    public static AnchoredRun Run(string commit, string anchor, int day, params (string Name, double? Ratio)[] benchmarks) =>
        new(commit, null, Start.AddDays(day), "main", anchor, "linux-x64-2cpu", 0.10,
            benchmarks.Select(b => new AnchoredEntry(
                b.Name, b.Ratio is null ? Verdict.Unchanged : Verdict.Passed, b.Ratio, b.Ratio * 0.98, b.Ratio * 1.02, b.Ratio is null ? null : 0.02,
                b.Ratio is null ? 0 : 2, b.Ratio is null ? 0 : 4, 1000, 1000 * (b.Ratio ?? 1), 16)).ToArray());

    public static string Commit(int i) => i.ToString("x7", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 33);

    private static BenchmarkResult Result(string name, double bytes) => SyntheticResult.Create(bytesPerOperation: bytes) with { FullName = name, Name = name };
}
