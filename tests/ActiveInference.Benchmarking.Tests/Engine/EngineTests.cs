using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;
using EngineUnderTest = ActiveInference.Benchmarking.Engine.BenchmarkEngine;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>The engine's stages on a synthetic clock: every duration here is simulated, none is wall-clock time.</summary>
[TestFixture]
public class EngineTests
{
    private const double Millisecond = 1e6;

    private static readonly EngineSettings Defaults = new();

    [TestCase(10.0, TestName = "Pilot_10ns")]
    [TestCase(7.0, TestName = "Pilot_7ns")]
    [TestCase(3_000.0, TestName = "Pilot_3us")]
    [TestCase(10 * Millisecond, TestName = "Pilot_10ms")]
    public void PilotChoosesOperationsSoEverySampleLastsAtLeastMinSampleTime(double cost)
    {
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, cost);

        var run = new EngineUnderTest(Defaults, clock).Run(benchmark.ToWorkload(), null, [], []);

        var minSample = Defaults.MinSampleTime.TotalSeconds * 1e9;
        Assert.Multiple(() =>
        {
            Assert.That(run.Measured.Select(m => m.Nanoseconds), Has.All.GreaterThanOrEqualTo(minSample));
            Assert.That(run.Measured.Select(m => m.Operations), Has.All.EqualTo(run.OperationsPerSample));
            // Not oversized either: a fast method gets just enough calls, a slow one a single call.
            Assert.That(run.OperationsPerSample * cost, Is.LessThan(Math.Max(2 * minSample, cost + 1)));
            Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Has.All.EqualTo(cost).Within(1e-9).Percent);
        });
    }

    [Test]
    public void PilotMeasuresTheSettledCostWhenTheMethodTiersUpDuringWarmup()
    {
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, 100) { TieredNanosecondsPerOperation = 10, TierUpAtNanoseconds = (long)(100 * Millisecond) };

        var run = new EngineUnderTest(Defaults, clock).Run(benchmark.ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.OperationsPerSample, Is.EqualTo(100_000), "ops per sample from the tiered cost: 1 ms / 10 ns");
            Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Has.All.EqualTo(10).Within(1e-9).Percent);
        });
    }

    [Test]
    public void WarmupKeepsGoingUntilALateTierUpHasHappened()
    {
        var clock = new FakeClock();
        var settings = Defaults with { WarmupTime = TimeSpan.FromMilliseconds(100) };
        var tierUpAt = (long)(300 * Millisecond);
        var benchmark = new FakeBenchmark(clock, 1_000) { TieredNanosecondsPerOperation = 250, TierUpAtNanoseconds = tierUpAt };
        // The JIT keeps compiling in the background until the tier-up lands.
        var compiledMethods = () => Math.Min(clock.Now, tierUpAt) / 1_000_000;

        var run = new EngineUnderTest(settings, clock, compiledMethods).Run(benchmark.ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Has.All.EqualTo(250).Within(1e-9).Percent, "measured after the tier-up");
            Assert.That(run.Measurements.Count(m => m.Stage == IterationStage.Warmup), Is.GreaterThan(settings.WarmupIterations));
        });
    }

    [Test]
    public void WarmupStopsAtItsBudgetWhenTheCodeNeverSettles()
    {
        var clock = new FakeClock();
        var settings = Defaults with { TimeLimit = TimeSpan.FromSeconds(2) };
        var benchmark = new FakeBenchmark(clock, 1_000) { TieredNanosecondsPerOperation = 10, TierUpAtNanoseconds = long.MaxValue };

        var run = new EngineUnderTest(settings, clock).Run(benchmark.ToWorkload(), null, [], []);

        var warmupNanoseconds = run.Measurements.Where(m => m.Stage is IterationStage.Warmup or IterationStage.Overhead).Sum(m => m.Nanoseconds);
        Assert.That(warmupNanoseconds, Is.LessThanOrEqualTo(0.5e9 + 2e6), "a quarter of the 2 s limit, plus the last sample");
    }

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(1000L)]
    public void WarmupLastsAtLeastWarmupTimeBeforeTheFirstMeasuredSample(long operationsPerSample)
    {
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, 10_000);
        var settings = Defaults with { OperationsPerSample = operationsPerSample };

        var run = new EngineUnderTest(settings, clock).Run(benchmark.ToWorkload(), null, [], []);

        var benchmarkTimeBeforeMeasuring = benchmark.BusyNanoseconds - run.Measured.Sum(m => m.Nanoseconds);
        Assert.Multiple(() =>
        {
            Assert.That(benchmarkTimeBeforeMeasuring, Is.GreaterThanOrEqualTo(settings.WarmupTime.TotalSeconds * 1e9));
            Assert.That(run.Measurements.Count(m => m.Stage == IterationStage.Warmup), Is.GreaterThanOrEqualTo(settings.WarmupIterations));
        });
    }

    [TestCase(1L)]
    [TestCase(1000L)]
    public void WarmupWithFixedOperationsStillWaitsForTieredCode(long operationsPerSample)
    {
        // .NET replaces tier-0 code after ~100 ms of calls; a fixed, small sample must not be measured before that.
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, 10_000) { TieredNanosecondsPerOperation = 1_000, TierUpAtNanoseconds = (long)(100 * Millisecond) };

        var run = new EngineUnderTest(Defaults with { OperationsPerSample = operationsPerSample }, clock).Run(benchmark.ToWorkload(), null, [], []);

        Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Has.All.EqualTo(1_000).Within(1e-9).Percent);
    }

    [TestCase(0L)]
    [TestCase(500L)]
    public void OverheadIsSubtractedExactly(long operationsPerSample)
    {
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, 10) { OverheadNanosecondsPerOperation = 3 };

        var run = new EngineUnderTest(Defaults with { OperationsPerSample = operationsPerSample }, clock).Run(benchmark.ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.OverheadNanosecondsPerOperation, Is.EqualTo(3).Within(1e-9).Percent);
            Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Has.All.EqualTo(10).Within(1e-9).Percent);
            Assert.That(run.Measurements.Count(m => m.Stage == IterationStage.Overhead), Is.GreaterThan(0));
        });
    }

    [Test]
    public void MeasurementTakesAtLeastIterationsSamples()
    {
        var clock = new FakeClock();
        var settings = Defaults with { Iterations = 50, MinMeasurementTime = TimeSpan.Zero };

        var run = new EngineUnderTest(settings, clock).Run(new FakeBenchmark(clock, 10).ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.Measured, Has.Count.GreaterThanOrEqualTo(50));
            Assert.That(run.StoppedByTimeLimit, Is.False);
            Assert.That(run.Measured.Select(m => m.Index), Is.EqualTo(Enumerable.Range(0, run.Measured.Count)));
        });
    }

    [Test]
    public void MeasurementLastsAtLeastMinMeasurementTimeWhenIterationsAreQuick()
    {
        var clock = new FakeClock();
        var settings = Defaults with { Iterations = 5, MinMeasurementTime = TimeSpan.FromMilliseconds(400) };

        var run = new EngineUnderTest(settings, clock).Run(new FakeBenchmark(clock, 10 * Millisecond).ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.Measured.Sum(m => m.Nanoseconds), Is.GreaterThanOrEqualTo(400 * Millisecond));
            Assert.That(run.Measured, Has.Count.GreaterThanOrEqualTo(40));
            Assert.That(run.StoppedByTimeLimit, Is.False);
        });
    }

    [Test]
    public void TimeLimitStopsEarlyAndSaysSoWhenFewerThanIterations()
    {
        var clock = new FakeClock();
        var settings = Defaults with { Iterations = 100, TimeLimit = TimeSpan.FromMilliseconds(200) };

        var run = new EngineUnderTest(settings, clock).Run(new FakeBenchmark(clock, 10 * Millisecond).ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.StoppedByTimeLimit, Is.True);
            Assert.That(run.Measured, Has.Count.InRange(20, 21), "10 ms samples until 200 ms have passed");
        });
    }

    [Test]
    public void TimeLimitReachedAfterIterationsIsNotAnEarlyStop()
    {
        var clock = new FakeClock();
        var settings = Defaults with { Iterations = 5, MinMeasurementTime = TimeSpan.FromSeconds(10), TimeLimit = TimeSpan.FromMilliseconds(200) };

        var run = new EngineUnderTest(settings, clock).Run(new FakeBenchmark(clock, 10 * Millisecond).ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.StoppedByTimeLimit, Is.False);
            Assert.That(run.Measured, Has.Count.InRange(20, 21), "the time limit caps the minimum measurement time");
        });
    }

    [Test]
    public void FixedOperationsPerSampleSkipsThePilot()
    {
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, 10_000);

        var run = new EngineUnderTest(Defaults with { OperationsPerSample = 7 }, clock).Run(benchmark.ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.Measurements.Where(m => m.Stage == IterationStage.Pilot), Is.Empty);
            Assert.That(run.OperationsPerSample, Is.EqualTo(7));
            Assert.That(benchmark.Batches[0], Is.EqualTo(1), "the first call is a single untimed-for-statistics call");
            Assert.That(benchmark.Batches.Skip(1), Has.All.EqualTo(7));
        });
    }

    [TestCase(0L)]
    [TestCase(1L)]
    public void SampleSetupRunsBeforeEverySampleAndIsNotTimed(long operationsPerSample)
    {
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, 10) { SetupNanoseconds = 50 * Millisecond };
        var settings = Defaults with { OperationsPerSample = operationsPerSample, TimeLimit = TimeSpan.FromHours(1) };

        var run = new EngineUnderTest(settings, clock).Run(benchmark.ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(benchmark.StaleRuns, Is.Zero, "every batch of calls had a fresh setup before it");
            Assert.That(benchmark.Setups, Is.EqualTo(benchmark.Runs));
            Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Has.All.EqualTo(10).Within(1e-9).Percent);
            Assert.That(run.Measurements.Select(m => m.Nanoseconds), Has.All.LessThan(50 * Millisecond));
        });
    }

    [Test]
    public void ReferenceIsTimedNextToEverySampleAndNotCountedInIt()
    {
        var clock = new FakeClock();
        var benchmark = new FakeBenchmark(clock, 10);

        var run = new EngineUnderTest(Defaults, clock).Run(benchmark.ToWorkload(), new FakeReference(clock, 40), [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.ReferenceName, Is.EqualTo("fake-reference"));
            Assert.That(run.Measured.Select(m => m.ReferenceNanosecondsPerOperation), Has.All.EqualTo(40).Within(1e-9).Percent);
            Assert.That(run.Measured.Select(m => m.NanosecondsPerOperation), Has.All.EqualTo(10).Within(1e-9).Percent);
            Assert.That(run.Measured.Select(m => Math.Log(m.NanosecondsPerOperation / m.ReferenceNanosecondsPerOperation)), Has.All.EqualTo(Math.Log(10.0 / 40)).Within(1e-12));
        });
    }

    [Test]
    public void WithoutReferenceRatiosAreNaN()
    {
        var clock = new FakeClock();

        var run = new EngineUnderTest(Defaults, clock).Run(new FakeBenchmark(clock, 10).ToWorkload(), null, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(run.ReferenceName, Is.Null);
            Assert.That(run.Measured.Select(m => m.ReferenceNanosecondsPerOperation), Has.All.NaN);
            Assert.That(run.Measured.Select(m => Math.Log(m.NanosecondsPerOperation / m.ReferenceNanosecondsPerOperation)), Has.All.NaN);
        });
    }

    [Test]
    public void ElapsedCoversAllStages()
    {
        var clock = new FakeClock();

        var run = new EngineUnderTest(Defaults, clock).Run(new FakeBenchmark(clock, 10).ToWorkload(), new FakeReference(clock, 40), [], []);

        Assert.That(run.Elapsed.TotalSeconds * 1e9, Is.EqualTo((double)clock.Now).Within(100), "to TimeSpan's 100 ns tick");
    }

    [Test]
    public void ExceptionInTheFirstCallPropagatesUnchanged()
    {
        var clock = new FakeClock();
        var failure = new InvalidOperationException("fails on first call");
        var benchmark = new FakeBenchmark(clock, 10) { FirstCallThrows = failure };
        var engine = new EngineUnderTest(Defaults, clock);

        var thrown = Assert.Throws<InvalidOperationException>(() => engine.Run(benchmark.ToWorkload(), null, [], []));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(failure));
            Assert.That(benchmark.Runs, Is.EqualTo(1), "nothing else ran after the failing first call");
        });
    }

    [Test]
    public void InvalidSettingsAreRejectedByTheConstructorNamingSettingAndValue()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new EngineUnderTest(Defaults with { Iterations = 0 }, new FakeClock()));

        Assert.That(e!.Message, Does.Contain("Iterations = 0"));
    }
}
