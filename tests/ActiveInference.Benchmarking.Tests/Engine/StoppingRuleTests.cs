using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>The measurement stage's stopping rules, asked after each 1 ms sample on a <see cref="FakeClock"/>.</summary>
[TestFixture]
public sealed class StoppingRuleTests
{
    private const double Millisecond = 1e6;

    /// <summary>Takes samples of <paramref name="sampleMilliseconds"/> until the rule stops; returns the count and whether it stopped short.</summary>
    private static (int Samples, bool Short) Drive(IStoppingRule rule, double sampleMilliseconds = 1)
    {
        var clock = new FakeClock();
        var samples = 0;
        while (!rule.ShouldStop(samples, clock.Now))
        {
            clock.Advance(sampleMilliseconds * Millisecond);
            samples++;
        }
        return (samples, rule.StoppedShort(samples));
    }

    [Test]
    public void TheEngineTakesItsMinimumSamplesOnceItsMinimumTimeHasPassed()
    {
        Assert.That(Drive(new SamplesAndTimeRule(30, 2000, 10 * Millisecond, 1000 * Millisecond)), Is.EqualTo((30, false)));
        Assert.That(Drive(new SamplesAndTimeRule(30, 2000, 400 * Millisecond, 1000 * Millisecond)), Is.EqualTo((400, false)));
    }

    [Test]
    public void TheEngineStopsAtItsMostSamplesWhateverTheMinimumTime()
    {
        Assert.That(Drive(new SamplesAndTimeRule(30, 40, 400 * Millisecond, 1000 * Millisecond)), Is.EqualTo((40, false)));
    }

    [Test]
    public void TheEngineStopsAtItsTimeLimitAndSaysWhenThatWasShortOfTheSamplesAskedFor()
    {
        Assert.That(Drive(new SamplesAndTimeRule(30, 2000, 0, 50 * Millisecond), sampleMilliseconds: 5), Is.EqualTo((10, true)));
        Assert.That(Drive(new SamplesAndTimeRule(5, 2000, 400 * Millisecond, 50 * Millisecond), sampleMilliseconds: 5), Is.EqualTo((10, false)));
    }

    [TestCase(0.01, 12)]
    [TestCase(0.1, 50)]
    [TestCase(1.0, 120)]
    public void FixedRoundsFillTheMeasurementTimeWithinTheirLimits(double seconds, int rounds)
    {
        var rule = FixedRoundsRule.ToFill(TimeSpan.FromSeconds(seconds), roundSeconds: 0.002, minimum: 12, maximum: 120);

        Assert.That(Drive(rule, sampleMilliseconds: 2), Is.EqualTo((rounds, false)));
    }
}
