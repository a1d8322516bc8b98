using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class EdPeltTests
{
    // Deterministic "noise": a fixed pseudo-random stream, uniform in [-amplitude, amplitude].
    private static double[] Noise(int count, double amplitude, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => amplitude * (2 * random.NextDouble() - 1)).ToArray();
    }

    private static double[] Steps(double amplitude, int seed, params (int Length, double Level)[] segments)
    {
        var total = segments.Sum(s => s.Length);
        var noise = Noise(total, amplitude, seed);
        var series = new List<double>();
        foreach ((var length, var level) in segments)
            for (var i = 0; i < length; i++)
                series.Add(level + noise[series.Count]);
        return series.ToArray();
    }

    [Test]
    public void FindsOneStep()
    {
        var series = Steps(0.5, 1, (30, 10), (30, 20));
        Assert.That(EdPelt.Detect(series, 3), Is.EqualTo(new[] { 30 }));
    }

    [Test]
    public void FindsTwoSteps()
    {
        var series = Steps(0.5, 2, (25, 10), (20, 14), (35, 9));
        Assert.That(EdPelt.Detect(series, 3), Is.EqualTo(new[] { 25, 45 }));
    }

    [Test]
    public void FindsAStepWithoutNoise()
    {
        double[] series = [.. Enumerable.Repeat(1.0, 10), .. Enumerable.Repeat(2.0, 10)];
        Assert.That(EdPelt.Detect(series, 1), Is.EqualTo(new[] { 10 }));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void NoisyConstantHasNoChange(int seed)
    {
        var series = Steps(1.0, seed, (80, 100));
        Assert.That(EdPelt.Detect(series, 3), Is.Empty);
    }

    [Test]
    public void ConstantHasNoChange() =>
        Assert.That(EdPelt.Detect(Enumerable.Repeat(4.2, 50).ToArray(), 1), Is.Empty);

    [Test]
    public void SingleOutlierIsNotALevelWhenSegmentsMustBeLong()
    {
        var series = Steps(0.5, 4, (40, 10));
        series[20] = 50;
        Assert.That(EdPelt.Detect(series, 3), Is.Empty);
    }

    [Test]
    public void RespectsTheMinimumDistance()
    {
        // A real two-value blip; with minDistance 5 no segment may be that short.
        double[] series = [.. Enumerable.Repeat(1.0, 20), 9, 9, .. Enumerable.Repeat(1.0, 20)];
        var changes = EdPelt.Detect(series, 5);
        int[] bounds = [0, .. changes, series.Length];
        for (var i = 1; i < bounds.Length; i++)
            Assert.That(bounds[i] - bounds[i - 1], Is.GreaterThanOrEqualTo(5));
    }

    [Test]
    public void LargerPenaltyFindsFewerChanges()
    {
        var series = Steps(0.5, 5, (20, 10), (20, 11.5), (20, 10));
        Assert.That(EdPelt.Detect(series, 3, penalty: 0).Count,
            Is.GreaterThanOrEqualTo(EdPelt.Detect(series, 3).Count));
        Assert.That(EdPelt.Detect(series, 3, penalty: 1e6), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void ShortSeriesHaveNoChange(int length)
    {
        var series = Enumerable.Range(0, length).Select(i => (double)(i * i)).ToArray();
        Assert.That(EdPelt.Detect(series, 3), Is.Empty);
    }

    [Test]
    public void ShortestSeriesThatCanSplit()
    {
        Assert.That(EdPelt.Detect([1.0, 1.0, 1.0, 5.0, 5.0, 5.0], 3), Is.EqualTo(new[] { 3 }));
        Assert.That(EdPelt.Detect([1.0, 5.0, 5.0, 5.0, 5.0, 1.0], 4), Is.Empty);
    }

    [Test]
    public void RejectsBadArguments()
    {
        Assert.That(() => EdPelt.Detect(null!, 1), Throws.ArgumentNullException);
        Assert.That(() => EdPelt.Detect([1.0, 2.0], 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => EdPelt.Detect([1.0, double.NaN, 2.0], 1),
            Throws.ArgumentException.With.Message.Contains("NaN at index 1").And.Property("ParamName").EqualTo("series"));
        Assert.That(() => EdPelt.Detect([1.0, 2.0], 1, penalty: -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
