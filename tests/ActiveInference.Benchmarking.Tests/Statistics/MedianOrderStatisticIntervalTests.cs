using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class MedianOrderStatisticIntervalTests
{
    private const double Tolerance = 1e-12;

    // k is the largest order statistic with P(B <= k - 1) <= 0.025 for B ~ Binomial(n, 1/2). R:
    //   k <- function(n) max(which(pbinom(0:(n %/% 2), n, 0.5) <= 0.025))   # position = k
    //   sapply(c(6, 7, 10, 20, 100, 400), k)   # 1 1 2 6 40 180
    // (checked with scipy.stats.binom.cdf.)
    [TestCase(6, 1)]
    [TestCase(7, 1)]
    [TestCase(10, 2)]
    [TestCase(20, 6)]
    [TestCase(100, 40)]
    [TestCase(400, 180)]
    public void PicksTheNarrowestConservativeOrderStatistics(int n, int k)
    {
        var sorted = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        var interval = MedianOrderStatisticInterval.OfSorted(sorted);
        Assert.That(interval, Is.EqualTo(new ConfidenceInterval(k, n - k + 1, 0.95)));
    }

    // Below n = 6 no pair of order statistics reaches 95%: [min, max] with its real coverage 1 - 2 * 0.5^n.
    [TestCase(1, 0.0)]
    [TestCase(2, 0.5)]
    [TestCase(3, 0.75)]
    [TestCase(4, 0.875)]
    [TestCase(5, 0.9375)]
    public void SmallSamplesFallBackToMinMaxWithTheAchievedLevel(int n, double coverage)
    {
        var sorted = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        var interval = MedianOrderStatisticInterval.OfSorted(sorted);
        Assert.That((interval.Lower, interval.Upper), Is.EqualTo((1.0, (double)n)));
        Assert.That(interval.Level, Is.EqualTo(coverage).Within(Tolerance));
    }

    [Test]
    public void OtherLevels()
    {
        // R: max(which(pbinom(0:10, 20, 0.5) <= 0.05))  # 6  (90% level)
        var sorted = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        Assert.That(MedianOrderStatisticInterval.OfSorted(sorted, 0.90), Is.EqualTo(new ConfidenceInterval(6, 15, 0.90)));
    }
}
