using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Tests.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>The engine's companion workloads, on a synthetic clock that only the workloads advance.</summary>
[TestFixture]
public sealed class EngineCompanionTests
{
    [Test]
    public void EachCompanionIsTimedAfterEveryMeasuredSampleAndTheReference()
    {
        var clock = new FakeClock();
        var log = new List<string>();
        var bench = new LoggedWorkload("bench", clock, 100, log);
        var workload = new Workload(bench.Run, _ => { });
        var run = new Benchmarking.Engine.BenchmarkEngine(LoggedWorkload.FastSettings, clock).Run(workload, new LoggedWorkload("reference", clock, 50, log),
            [new LoggedWorkload("slow", clock, 400, log), new LoggedWorkload("fast", clock, 25, log)], []);

        Assert.That(run.Companions.Select(c => c.Name), Is.EqualTo(new[] { "slow", "fast" }));
        Assert.That(run.Companions[0].NanosecondsPerOperation, Has.Count.EqualTo(run.Measured.Count).And.All.EqualTo(400.0));
        Assert.That(run.Companions[1].NanosecondsPerOperation, Has.Count.EqualTo(run.Measured.Count).And.All.EqualTo(25.0));
        Assert.That(run.Measured.Select(m => m.ReferenceNanosecondsPerOperation), Is.All.EqualTo(50.0));
        Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Is.All.EqualTo(100.0));
        Assert.That(log.TakeLast(4 * run.Measured.Count), Is.EqualTo(Enumerable.Repeat(new[] { "bench", "reference", "slow", "fast" }, run.Measured.Count).SelectMany(x => x)));
        Assert.That(run.Companions[0].OperationsPerBatch * 400, Is.GreaterThanOrEqualTo(50_000), "a batch lasts at least half the minimum sample time");
    }

    [Test]
    public void CompanionsAreCalledAfterEveryPilotSampleSoTheyWarmUpByTimeToo()
    {
        var clock = new FakeClock();
        var log = new List<string>();
        var bench = new LoggedWorkload("bench", clock, 100, log);
        new Benchmarking.Engine.BenchmarkEngine(LoggedWorkload.FastSettings, clock).Run(new Workload(bench.Run, _ => { }), new LoggedWorkload("reference", clock, 50, log), [new LoggedWorkload("slow", clock, 400, log)], []);
        Assert.That(log.Take(9), Is.EqualTo(new[] { "bench", "reference", "slow", "bench", "slow", "bench", "slow", "bench", "slow" }));
    }

    [Test]
    public void WithoutCompanionsNothingChanges()
    {
        var clock = new FakeClock();
        var log = new List<string>();
        var bench = new LoggedWorkload("bench", clock, 100, log);
        var run = new Benchmarking.Engine.BenchmarkEngine(LoggedWorkload.FastSettings, clock).Run(new Workload(bench.Run, _ => { }), null, [], []);
        Assert.That(run.Companions, Is.Empty);
        Assert.That(log, Is.All.EqualTo("bench"));
    }
}
