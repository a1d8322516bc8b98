using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class QuantileTests
{
    private const double Tolerance = 1e-12;

    // R (type 7 is R's default):
    //   x <- c(2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 7.1, 4.0, 3.9)
    //   quantile(x, c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1))   # 1.900 2.080 2.925 3.650 4.300 5.750 7.100
    // (values checked with numpy.quantile, whose default "linear" method is the same definition.)
    private static readonly double[] Sample = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 7.1, 4.0, 3.9];

    [TestCase(0.0, 1.9)]
    [TestCase(0.1, 2.08)]
    [TestCase(0.25, 2.925)]
    [TestCase(0.5, 3.65)]
    [TestCase(0.75, 4.3)]
    [TestCase(0.9, 5.75)]
    [TestCase(1.0, 7.1)]
    public void MatchesHyndmanFanType7(double probability, double expected) =>
        Assert.That(Quantile.Of(Sample, probability), Is.EqualTo(expected).Within(Tolerance));

    [Test]
    public void SingleValueIsEveryQuantile()
    {
        Assert.That(Quantile.Of([4.2], 0), Is.EqualTo(4.2));
        Assert.That(Quantile.Of([4.2], 0.37), Is.EqualTo(4.2));
        Assert.That(Quantile.Of([4.2], 1), Is.EqualTo(4.2));
    }

    [Test]
    public void TwoValuesInterpolateLinearly() =>
        Assert.That(Quantile.Of([10.0, 20.0], 0.25), Is.EqualTo(12.5).Within(Tolerance));

    [Test]
    public void EqualNeighboursGiveExactlyThatValue() =>
        Assert.That(Quantile.OfSorted([0.1, 0.1, 0.1], 0.3), Is.EqualTo(0.1));

    [Test]
    public void DoesNotChangeTheInput()
    {
        double[] values = [3, 1, 2];
        Quantile.Of(values, 0.5);
        Assert.That(values, Is.EqualTo(new double[] { 3, 1, 2 }));
    }

    [Test]
    public void RejectsEmptyNaNAndProbabilityOutOfRange()
    {
        Assert.That(() => Quantile.Of([], 0.5), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => Quantile.Of([1, double.NaN], 0.5), Throws.ArgumentException.With.Message.Contains("NaN at index 1"));
        Assert.That(() => Quantile.Of([1.0], 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Quantile.Of([1.0], double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void TheMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo()
    {
        Assert.That(Quantile.Median([5.0, 1, 3]), Is.EqualTo(3));
        Assert.That(Quantile.Median(new List<double> { 4, 1, 3, 2 }), Is.EqualTo(2.5));
        Assert.That(() => Quantile.Median([]), Throws.ArgumentException.With.Message.Contains("empty"));
    }

    [Test]
    public void TheLenientFormsGiveNaNForNoValues()
    {
        Assert.That(Quantile.MedianOrNaN([]), Is.NaN);
        Assert.That(Quantile.OfSortedOrNaN([], 0.25), Is.NaN);
        Assert.That(Quantile.MedianOrNaN([3.0, 1, 2]), Is.EqualTo(2));
        Assert.That(Quantile.OfSortedOrNaN(new List<double> { 10, 20 }, 0.25), Is.EqualTo(12.5).Within(Tolerance));
    }

    [Test]
    public void TheRobustSpreadIs1Point4826TimesTheMedianAbsoluteDeviation()
    {
        // R: mad(c(1, 2, 3, 4, 100)) = 1.4826
        Assert.That(Quantile.RobustSpread([1.0, 2, 3, 4, 100]), Is.EqualTo(1.4826).Within(Tolerance));
        Assert.That(Quantile.RobustSpread([1.0, 2, 3, 4, 100], multiplier: 3), Is.EqualTo(3 * 1.4826).Within(Tolerance));
    }
}
