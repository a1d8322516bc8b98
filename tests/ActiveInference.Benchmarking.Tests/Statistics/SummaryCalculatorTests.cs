using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class SummaryCalculatorTests
{
    private const double Tolerance = 1e-12;

    // R:
    //   x <- c(2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 7.1, 4.0, 3.9)
    //   mean(x); sd(x)              # 3.85  1.578501399006877
    //   t.test(x)$conf.int          # 2.720808123164633 4.979191876835365
    //   sort(x)[c(2, 9)]            # median interval, k = 2 (qbinom-based): 2.1 5.6
    // (computed with scipy 1.10: scipy.stats.t.ppf(0.975, 9), identical formulas.)
    private static readonly double[] Sample = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 7.1, 4.0, 3.9];

    [Test]
    public void MatchesReferenceValues()
    {
        var s = SummaryCalculator.Summarise(Sample);

        Assert.Multiple(() =>
        {
            Assert.That(s.N, Is.EqualTo(10));
            Assert.That(s.Mean, Is.EqualTo(3.85).Within(Tolerance));
            Assert.That(s.StandardDeviation, Is.EqualTo(1.5785013990068766).Within(Tolerance));
            Assert.That(s.Min, Is.EqualTo(1.9));
            Assert.That(s.Max, Is.EqualTo(7.1));
            Assert.That(s.Median, Is.EqualTo(3.65).Within(Tolerance));
            Assert.That(s.Q1, Is.EqualTo(2.925).Within(Tolerance));
            Assert.That(s.Q3, Is.EqualTo(4.3).Within(Tolerance));
            Assert.That(s.MeanInterval.Lower, Is.EqualTo(2.720808123164633).Within(1e-9));
            Assert.That(s.MeanInterval.Upper, Is.EqualTo(4.979191876835365).Within(1e-9));
            Assert.That(s.MeanInterval.Level, Is.EqualTo(0.95));
            Assert.That(s.MedianInterval, Is.EqualTo(new ConfidenceInterval(2.1, 5.6, 0.95)));
        });
    }

    [Test]
    public void SingleValueHasZeroSpreadAndIntervalsThatClaimNoCoverage()
    {
        var s = SummaryCalculator.Summarise([7.5]);

        Assert.Multiple(() =>
        {
            Assert.That(s.N, Is.EqualTo(1));
            Assert.That(s.Mean, Is.EqualTo(7.5));
            Assert.That(s.StandardDeviation, Is.EqualTo(0));
            Assert.That((s.Min, s.Max, s.Median, s.Q1, s.Q3), Is.EqualTo((7.5, 7.5, 7.5, 7.5, 7.5)));
            Assert.That(s.MeanInterval, Is.EqualTo(new ConfidenceInterval(7.5, 7.5, 0)));
            Assert.That(s.MedianInterval, Is.EqualTo(new ConfidenceInterval(7.5, 7.5, 0)));
        });
    }

    [Test]
    public void TwoValues()
    {
        // R: t.test(c(1, 3))$conf.int  # -10.70620 14.70620  (t(0.975, 1) = 12.706204736432095)
        var s = SummaryCalculator.Summarise([3.0, 1.0]);

        Assert.Multiple(() =>
        {
            Assert.That(s.Mean, Is.EqualTo(2));
            Assert.That(s.StandardDeviation, Is.EqualTo(Math.Sqrt(2)).Within(Tolerance));
            Assert.That(s.Median, Is.EqualTo(2));
            Assert.That(s.Q1, Is.EqualTo(1.5));
            Assert.That(s.Q3, Is.EqualTo(2.5));
            Assert.That(s.MeanInterval.Lower, Is.EqualTo(2 - 12.706204736432095).Within(1e-9));
            Assert.That(s.MeanInterval.Upper, Is.EqualTo(2 + 12.706204736432095).Within(1e-9));
            // [min, max] covers the median with probability 1 - 2 * 0.5^2.
            Assert.That(s.MedianInterval, Is.EqualTo(new ConfidenceInterval(1, 3, 0.5)));
        });
    }

    [Test]
    public void AllEqualValuesGiveZeroWidthIntervals()
    {
        var values = Enumerable.Repeat(0.1, 30).ToArray();
        var s = SummaryCalculator.Summarise(values);

        Assert.Multiple(() =>
        {
            Assert.That(s.Mean, Is.EqualTo(0.1));
            Assert.That(s.StandardDeviation, Is.EqualTo(0));
            Assert.That(s.MeanInterval, Is.EqualTo(new ConfidenceInterval(0.1, 0.1, 0.95)));
            Assert.That(s.MedianInterval, Is.EqualTo(new ConfidenceInterval(0.1, 0.1, 0.95)));
        });
    }

    [Test]
    public void KeepsPrecisionOnALargeOffset()
    {
        // 1e9 ns ± 1 ns: a naive one-pass variance loses every digit here.
        var s = SummaryCalculator.Summarise([1e9 + 1, 1e9 - 1, 1e9 + 1, 1e9 - 1]);

        Assert.That(s.Mean, Is.EqualTo(1e9));
        Assert.That(s.StandardDeviation, Is.EqualTo(Math.Sqrt(4.0 / 3)).Within(1e-9));
    }

    [Test]
    public void DoesNotChangeTheInput()
    {
        double[] values = [5, 1, 4, 2, 3];
        SummaryCalculator.Summarise(values);
        Assert.That(values, Is.EqualTo(new double[] { 5, 1, 4, 2, 3 }));
    }

    [Test]
    public void RejectsEmptyInput() =>
        Assert.That(() => SummaryCalculator.Summarise([]),
            Throws.ArgumentException.With.Message.Contains("empty").And.Property("ParamName").EqualTo("values"));

    [TestCase(double.NaN, "NaN at index 2")]
    [TestCase(double.PositiveInfinity, "+Infinity at index 2")]
    [TestCase(double.NegativeInfinity, "-Infinity at index 2")]
    public void RejectsNonFiniteValuesNamingTheIndex(double bad, string expected) =>
        Assert.That(() => SummaryCalculator.Summarise([1, 2, bad, 4]),
            Throws.ArgumentException.With.Message.Contains(expected));

    [Test]
    public void TheMiddleValueIsOneOfTheValuesTheUpperMiddleForAnEvenCount()
    {
        Assert.That(SummaryCalculator.MiddleValue([]), Is.EqualTo(0));
        Assert.That(SummaryCalculator.MiddleValue([3.0, 1, 2]), Is.EqualTo(2));
        Assert.That(SummaryCalculator.MiddleValue([0.0, 0, 8, 8]), Is.EqualTo(8));
    }
}
