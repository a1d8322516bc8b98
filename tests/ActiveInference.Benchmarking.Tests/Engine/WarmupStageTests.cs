using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>The shared warm-up end rule, driven sample by sample on a <see cref="FakeClock"/> whose reading is also the JIT's count.</summary>
[TestFixture]
public sealed class WarmupStageTests
{
    private const double Millisecond = 1e6;

    /// <summary>Warm-up samples of 1 ms until the stage ends; the JIT compiles until <paramref name="compilesUntil"/> ms. Returns the samples.</summary>
    private static int Drive(WarmupStage warmup, double compilesUntil, Func<int, double>? speed = null, bool start = false)
    {
        var clock = new FakeClock();
        long Compiled() => (long)Math.Min(clock.Now / Millisecond, compilesUntil);
        if (start) warmup.Start(Compiled());
        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(Millisecond);
            warmup.Add(Compiled(), speed?.Invoke(i) ?? 1);
            var elapsed = clock.Now / 1e9;
            if (warmup.HasSettled(elapsed) || warmup.TimeIsUp(elapsed)) return warmup.Samples;
        }
        throw new AssertionException("the warm-up never ended");
    }

    [Test]
    public void TheWarmupEndsOnceTheJitHasCompiledNothingOverTwoSamples()
    {
        Assert.That(Drive(new WarmupStage(1, 0, 1, untilSpeedSettles: false), compilesUntil: 7), Is.EqualTo(9));
    }

    [Test]
    public void AReadingBeforeTheFirstSampleLetsTwoSamplesShowAQuietJit()
    {
        Assert.That(Drive(new WarmupStage(1, 0, 1, untilSpeedSettles: false), compilesUntil: 0), Is.EqualTo(3));
        Assert.That(Drive(new WarmupStage(1, 0, 1, untilSpeedSettles: false), compilesUntil: 0, start: true), Is.EqualTo(2));
    }

    [Test]
    public void TheWarmupTakesItsMinimumSamplesAndItsMinimumTime()
    {
        Assert.That(Drive(new WarmupStage(12, 0, 1, untilSpeedSettles: false), compilesUntil: 0), Is.EqualTo(12));
        Assert.That(Drive(new WarmupStage(1, 0.020, 1, untilSpeedSettles: false), compilesUntil: 0), Is.EqualTo(20));
    }

    [Test]
    public void TheWarmupEndsAtItsMaximumTimeWhenTheJitNeverSettles()
    {
        Assert.That(Drive(new WarmupStage(1, 0, 0.050, untilSpeedSettles: false), compilesUntil: double.PositiveInfinity), Is.EqualTo(50));
    }

    [Test]
    public void WhenAskedTheWarmupGoesOnWhileTheCodeStillGetsFasterThanTheReference()
    {
        // Each sample 20% faster than the one before until sample 10, then steady: the median of the last three is within
        // 10% of that of the three before only once samples 9 to 14 are taken.
        double Speed(int i) => Math.Pow(0.8, Math.Min(i, 10));

        Assert.That(Drive(new WarmupStage(1, 0, 1, untilSpeedSettles: true), compilesUntil: 0, Speed), Is.EqualTo(15));
        Assert.That(Drive(new WarmupStage(1, 0, 1, untilSpeedSettles: false), compilesUntil: 0, Speed), Is.EqualTo(3));
    }
}
