using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>The shared pilot policy, driven by a loop on a <see cref="FakeClock"/> as the engine and the paired sampler drive it.</summary>
[TestFixture]
public sealed class PilotStageTests
{
    private const double Millisecond = 1e6;

    /// <summary>Runs the pilot on a clock where a sample of n calls takes <paramref name="nanoseconds"/>(index, n); returns the calls of each sample.</summary>
    private static List<long> Drive(PilotStage pilot, FakeClock clock, Func<int, long, double> nanoseconds)
    {
        var started = clock.Now;
        var batches = new List<long>();
        for (var i = 0; i < 1000; i++)
        {
            var n = pilot.Operations;
            batches.Add(n);
            var t0 = clock.Now;
            clock.Advance(nanoseconds(i, n));
            if (pilot.Add(clock.Now - t0, clock.Now - started)) return batches;
        }
        throw new AssertionException("the pilot never ended");
    }

    [Test]
    public void ShortSamplesGrowTheCallsAtMostSixteenfoldTowardsTheMinimumSampleTime()
    {
        var clock = new FakeClock();
        var pilot = new PilotStage(Millisecond, warmupNanoseconds: 0, window: 1, maxGrowth: 16);

        var batches = Drive(pilot, clock, (_, n) => n * 1000);

        Assert.That(batches, Is.EqualTo(new long[] { 1, 16, 256, 1000 }), "1 µs calls: ×16, ×16, then 1 ms ÷ 256 µs × 256");
        Assert.That(pilot.CallsPerSample, Is.EqualTo(1000));
    }

    [Test]
    public void AMaximumGrowthOfTwoDoublesTheCallsAsThePairedPilotDoes()
    {
        var pilot = new PilotStage(Millisecond, warmupNanoseconds: 0, window: 1, maxGrowth: 2);

        var batches = Drive(pilot, new FakeClock(), (_, n) => n * 100_000);

        Assert.That(batches, Is.EqualTo(new long[] { 1, 2, 4, 8, 16 }));
        Assert.That(pilot.CallsPerSample, Is.EqualTo(10), "1 ms ÷ 100 µs");
    }

    [Test]
    public void ThePilotGoesOnUntilItsWarmupTimeHasPassedAndItsWindowIsFull()
    {
        var clock = new FakeClock();
        var pilot = new PilotStage(Millisecond, warmupNanoseconds: 10 * Millisecond, window: 3, maxGrowth: 16);

        var batches = Drive(pilot, clock, (_, n) => n * 2 * Millisecond);

        Assert.That(batches, Has.Count.EqualTo(5), "2 ms samples: the fifth ends at 10 ms");
        Assert.That(clock.Now, Is.EqualTo((long)(10 * Millisecond)));
    }

    [Test]
    public void TheFastestOfTheWindowsSamplesSetsTheCallsPerSampleSoInterferenceDoesNotShrinkThem()
    {
        var pilot = new PilotStage(Millisecond, warmupNanoseconds: 0, window: 3, maxGrowth: 16);
        double[] perCall = [60_000, 20_000, 10_000, 30_000, 50_000];

        Drive(pilot, new FakeClock(), (i, n) => n * perCall[Math.Min(i, perCall.Length - 1)] + 5 * Millisecond);

        Assert.That(pilot.FastestNanosecondsPerOperation, Is.EqualTo(5_010_000), "the fastest of the last three of 5.06, 5.02, 5.01 ms");
        Assert.That(pilot.CallsPerSample, Is.EqualTo(1));
    }

    [Test]
    public void ASampleAtTheMostCallsCountsEvenWhenItIsShorterThanTheMinimum()
    {
        var pilot = new PilotStage(Millisecond, warmupNanoseconds: 0, window: 1, maxGrowth: 2, maxOperations: 8);

        var batches = Drive(pilot, new FakeClock(), (_, _) => 0);

        Assert.That(batches, Is.EqualTo(new long[] { 1, 2, 4, 8 }));
        Assert.That(pilot.CallsPerSample, Is.EqualTo((long)(Millisecond / 1e-3)), "a call that took no time counts as 1 ps");
    }
}
