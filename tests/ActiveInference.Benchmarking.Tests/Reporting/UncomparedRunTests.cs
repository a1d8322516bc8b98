using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

internal class UncomparedRunTests
{
    private const string NoBaseline = "nothing to compare with: there is no baseline code (there is no baselines file to name a baseline commit) and no baselines file at /x/baselines.json";

    [Test]
    public void AGateRunWhoseBenchmarksAreAllInconclusiveGivesOneCountedLinePerDistinctReason()
    {
        var run = SampleRun.Create(Inconclusive("A", NoBaseline), Inconclusive("B", NoBaseline), Inconclusive("C", "not trustworthy, not gated: Debug build"));

        var uncompared = UncomparedRun.Of(run)!;

        Assert.That(uncompared.Lines("perf", "record-it"), Is.EqualTo(new[]
        {
            "perf: 2 of 3 benchmarks could not be compared: " + NoBaseline,
            "perf: 1 of 3 benchmarks could not be compared: not trustworthy, not gated: Debug build",
            "perf: this gate run compared no benchmark, so it gated nothing. Record baselines: record-it",
        }));
    }

    [Test]
    public void ABenchmarkWithoutAVerdictInAGateRunCountsAsNotCompared()
    {
        var uncompared = UncomparedRun.Of(SampleRun.Create(SampleRun.Result("S.A", "A", "S", 100)))!;

        Assert.That(uncompared.Counted(uncompared.Reasons.Single()), Is.EqualTo("1 of 1 benchmark could not be compared: no verdict (the gate did not judge it)"));
    }

    [TestCase(Verdict.Passed)]
    [TestCase(Verdict.Regressed)]
    [TestCase(Verdict.Improved)]
    [TestCase(Verdict.New)]
    [TestCase(Verdict.Unchanged)]
    public void OneBenchmarkWithARealVerdictMeansTheRunGated(Verdict verdict)
    {
        var compared = SampleRun.Result("S.B", "B", "S", 100, gate: new GateOutcome { Verdict = verdict, Message = $"B {VerdictMessage.Verb(verdict)}: ok", Threshold = 0.1, CurrentMedianNanoseconds = 100 });

        Assert.That(UncomparedRun.Of(SampleRun.Create(Inconclusive("A", NoBaseline), compared)), Is.Null);
    }

    [TestCase("record")]
    [TestCase("measure")]
    public void ARunThatWasNoGateRunIsNeverUncompared(string mode)
    {
        var run = SampleRun.Create(Inconclusive("A", "not recorded: the file is locked")) with { Config = new Dictionary<string, string> { ["mode"] = mode } };

        Assert.That(UncomparedRun.Of(run), Is.Null);
    }

    [Test]
    public void ARunWithoutBenchmarksIsNotUncompared()
    {
        var empty = SampleRun.Create() with { Results = [] };

        Assert.That(UncomparedRun.Of(empty), Is.Null, "a shard whose benchmarks all belong to other shards gated nothing by design");
    }

    private static GatedResult Inconclusive(string name, string reason) =>
        SampleRun.Result("S." + name, name, "S", 100, gate: new GateOutcome { Verdict = Verdict.Inconclusive, Message = VerdictMessage.Plain(name, Verdict.Inconclusive, reason), Threshold = 0.1, CurrentMedianNanoseconds = 100 });
}
