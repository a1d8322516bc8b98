using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Baselines;

[TestFixture]
public sealed class BaselineTests
{
    private static Recording Make(double median) =>
        new(SampleResults.Start, null, 100, new RecordedSummary(3, median, 1, median - 1, median + 1, median, median - 0.5, median + 0.5),
            [median - 1, median, median + 1], 0, GcCounts.Zero, 300);

    [Test]
    public void TheCenterIsTheMedianOfTheRecordingsMediansSoOneOddProcessCannotMoveIt()
    {
        var baseline = new Baseline("A", SampleResults.Profile(), [Make(100), Make(240), Make(104), Make(98), Make(101)]);

        Assert.That(baseline.CenterNanosecondsPerOperation, Is.EqualTo(101));
    }

    [Test]
    public void WithAnEvenNumberOfRecordingsTheCenterIsTheMeanOfTheMiddleTwo()
    {
        var baseline = new Baseline("A", SampleResults.Profile(), [Make(100), Make(110)]);

        Assert.That(baseline.CenterNanosecondsPerOperation, Is.EqualTo(105));
    }

    [Test]
    public void StoredSamplesAreRoundedToSixSignificantDigitsAndTheSummaryIsExact()
    {
        var result = SampleResults.Result("A", median: 1234.5678901);

        var recording = Recording.From(result, "  abc  ");

        Assert.That(recording.Samples[4], Is.EqualTo(1234.57));
        Assert.That(recording.Samples.Zip(result.SamplesNanosecondsPerOperation).Select(p => Math.Abs(p.First / p.Second - 1)), Has.All.LessThan(5e-6));
        Assert.That(recording.Time.Median, Is.EqualTo(1234.5678901));
        Assert.That(recording.Commit, Is.EqualTo("abc"));
        Assert.That(Recording.Round(0.000123456789), Is.EqualTo(0.000123457));
        Assert.That(Recording.Round(-0.0421234567), Is.EqualTo(-0.0421235));
    }
}
