using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>State probes: timed after the reference in every measured round, on a clock only the workloads advance.</summary>
[TestFixture]
public sealed class EngineProbeTests
{
    [Test]
    public void EachProbeIsTimedAfterTheReferenceAndBeforeTheCompanionsInEveryRound()
    {
        var clock = new FakeClock();
        var log = new List<string>();
        var bench = new LoggedWorkload("bench", clock, 100, log);
        var run = new Benchmarking.Engine.BenchmarkEngine(LoggedWorkload.FastSettings, clock).Run(new Workload(bench.Run, _ => { }), new LoggedWorkload("reference", clock, 50, log),
            [new LoggedWorkload("companion", clock, 40, log)], [new LoggedWorkload("memory", clock, 300, log), new LoggedWorkload("branch", clock, 7, log)]);

        Assert.That(run.Probes.Select(p => p.Name), Is.EqualTo(new[] { "memory", "branch" }));
        Assert.That(run.Probes[0].NanosecondsPerOperation, Has.Count.EqualTo(run.Measured.Count).And.All.EqualTo(300.0));
        Assert.That(run.Probes[1].NanosecondsPerOperation, Has.Count.EqualTo(run.Measured.Count).And.All.EqualTo(7.0));
        Assert.That(run.Companions.Select(c => c.Name), Is.EqualTo(new[] { "companion" }));
        Assert.That(log.TakeLast(5 * run.Measured.Count),
            Is.EqualTo(Enumerable.Repeat(new[] { "bench", "reference", "memory", "branch", "companion" }, run.Measured.Count).SelectMany(x => x)));
        Assert.That(run.Probes[0].OperationsPerBatch * 300, Is.GreaterThanOrEqualTo(25_000).And.LessThan(50_000), "a probe batch lasts about a quarter of the minimum sample time");
    }

    [Test]
    public void WithoutProbesTheRunHasNone()
    {
        var clock = new FakeClock();
        var log = new List<string>();
        var bench = new LoggedWorkload("bench", clock, 100, log);
        var run = new Benchmarking.Engine.BenchmarkEngine(LoggedWorkload.FastSettings, clock).Run(new Workload(bench.Run, _ => { }), new LoggedWorkload("reference", clock, 50, log), [], []);

        Assert.That(run.Probes, Is.Empty);
    }

    [Test]
    public void TheDefaultProbesHaveDistinctStableNamesAndDoRealWork()
    {
        var probes = StateProbes.CreateDefault();
        foreach (var probe in probes) probe.Run(2);

        Assert.That(probes.Select(p => p.Name), Is.EqualTo(new[] { "memory-stream-1MiB", "branch-4k" }));
        Assert.That(((MemoryStreamProbe)probes[0]).Sink, Is.GreaterThan(0));
        Assert.That(((BranchProbe)probes[1]).Sink, Is.Not.EqualTo(0));
    }
}
