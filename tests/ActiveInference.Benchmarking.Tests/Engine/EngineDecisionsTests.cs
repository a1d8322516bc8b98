using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>
/// The in-process engine's decisions (calls per sample, samples per stage, stopping, total clock time) for fixed clock
/// readings, pinned as they were before its stages moved to shared policy objects: a refactoring must not change them.
/// </summary>
[TestFixture]
public sealed class EngineDecisionsTests
{
    private const double Millisecond = 1e6;

    private static IEnumerable<TestCaseData> Scenarios()
    {
        yield return new TestCaseData("tiers up at 300 ms",
            "ops=2500 pilot=502 warmup=6 overhead=272 measured=266 limit=False clock=910345048")
            .SetName("{m}(TierUpAt300Ms)");
        yield return new TestCaseData("compiles until 700 ms",
            "ops=1000 pilot=502 warmup=135 overhead=402 measured=267 limit=False clock=1104795048").SetName("{m}(CompilesUntil700Ms)");
        yield return new TestCaseData("slows down after the pilot",
            "ops=1000 pilot=502 warmup=6 overhead=94 measured=88 limit=False clock=914406070").SetName("{m}(SlowsDownAfterThePilot)");
        yield return new TestCaseData("preempted pilot",
            "ops=1 pilot=4 warmup=6 overhead=12 measured=6 limit=False clock=600047094").SetName("{m}(PreemptedPilot)");
        yield return new TestCaseData("time limit",
            "ops=1 pilot=100 warmup=3 overhead=13 measured=10 limit=True clock=577218728").SetName("{m}(TimeLimit)");
        yield return new TestCaseData("max iterations",
            "ops=1000 pilot=502 warmup=6 overhead=46 measured=40 limit=False clock=570083048").SetName("{m}(MaxIterations)");
        yield return new TestCaseData("fixed operations",
            "ops=3 pilot=0 warmup=6 overhead=684 measured=678 limit=False clock=414433038").SetName("{m}(FixedOperations)");
    }

    [TestCaseSource(nameof(Scenarios))]
    public void TheEngineDecidesAsBeforeForTheSameClockReadings(string scenario, string expected)
    {
        var clock = new FakeClock();
        var settings = new EngineSettings();
        Func<double> cost = () => 1000;
        Func<long> compiled = () => 0;
        var preempt = false;
        ISideWorkload? reference = new LoggedWorkload("reference", clock, 50, []);
        switch (scenario)
        {
            case "tiers up at 300 ms":
                cost = () => clock.Now < 300 * Millisecond ? 1000 : 400;
                break;
            case "compiles until 700 ms":
                compiled = () => Math.Min(clock.Now, (long)(700 * Millisecond)) / (long)Millisecond;
                break;
            case "slows down after the pilot":
                cost = () => clock.Now < 500 * Millisecond ? 1000 : 1000 + (clock.Now - 500 * Millisecond) / Millisecond * 20;
                break;
            case "preempted pilot":
                preempt = true;
                settings = LoggedWorkload.FastSettings;
                reference = null;
                break;
            case "time limit":
                cost = () => 5 * Millisecond;
                settings = settings with { TimeLimit = TimeSpan.FromSeconds(0.05) };
                break;
            case "max iterations":
                settings = settings with { MaxIterations = 40, MinMeasurementTime = TimeSpan.FromSeconds(2) };
                break;
            case "fixed operations":
                cost = () => clock.Now < 5 * Millisecond ? 100_000 : 30_000;
                settings = settings with { OperationsPerSample = 3, WarmupTime = TimeSpan.FromMilliseconds(10) };
                break;
        }
        var calls = 0;
        var workload = new Workload(
            Run: n =>
            {
                clock.Advance(n * cost());
                if (preempt && ++calls % 3 != 0) clock.Advance(50 * Millisecond);
            },
            Overhead: n => clock.Advance(2 * n));

        var run = new BenchmarkEngine(settings, clock, compiled).Run(workload, reference, [], []);

        int Count(IterationStage stage) => run.Measurements.Count(m => m.Stage == stage);
        var actual = $"ops={run.OperationsPerSample} pilot={Count(IterationStage.Pilot)} warmup={Count(IterationStage.Warmup)} " +
            $"overhead={Count(IterationStage.Overhead)} measured={Count(IterationStage.Measurement)} limit={run.StoppedByTimeLimit} clock={clock.Now}";
        Assert.That(actual, Is.EqualTo(expected));
    }
}
