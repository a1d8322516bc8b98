using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class HodgesLehmannTests
{
    private const double Tolerance = 1e-12;

    // R equivalent: x <- round(sin((0:59) * 1.7) * 3 + 1, 1); y <- round(cos((0:54) * 0.9) * 3, 1)
    internal static readonly double[] LargeX =
    [
        1.0, 4.0, 0.2, -1.8, 2.5, 3.4, -1.1, -0.9, 3.6, 2.2, -1.9, 0.6, 4.0, 0.7, -1.9, 2.1, 3.6, -0.8, -1.2, 3.3,
        2.6, -1.7, 0.1, 4.0, 1.1, -2.0, 1.6, 3.8, -0.4, -1.5, 3.0, 2.9, -1.5, -0.3, 3.8, 1.6, -2.0, 1.2, 3.9, 0.0,
        -1.7, 2.7, 3.3, -1.2, -0.7, 3.7, 2.0, -1.9, 0.8, 4.0, 0.5, -1.9, 2.3, 3.5, -0.9, -1.0, 3.4, 2.4, -1.8, 0.3,
    ];

    internal static readonly double[] LargeY =
    [
        3.0, 1.9, -0.7, -2.7, -2.7, -0.6, 1.9, 3.0, 1.8, -0.7, -2.7, -2.7, -0.6, 1.9, 3.0, 1.8, -0.8, -2.8, -2.6,
        -0.5, 2.0, 3.0, 1.7, -0.8, -2.8, -2.6, -0.5, 2.0, 3.0, 1.7, -0.9, -2.8, -2.6, -0.4, 2.1, 3.0, 1.7, -0.9,
        -2.8, -2.6, -0.4, 2.1, 3.0, 1.6, -1.0, -2.8, -2.5, -0.3, 2.1, 3.0, 1.6, -1.0, -2.8, -2.5, -0.3,
    ];

    [Test]
    public void ExactIntervalMatchesR()
    {
        // R equivalent (not run here): wilcox.test(x, y, conf.int = TRUE), the Hollander & Wolfe example of ?wilcox.test
        //    difference in location 0.305; 95 percent confidence interval -0.15 0.76
        // Checked by brute force over all choose(15, 5) rankings: k = qwilcox(0.025, 10, 5) = 9,
        // coverage 1 - 2 * pwilcox(8, 10, 5) = 0.96004.
        ShiftEstimate e = HodgesLehmann.Estimate(MannWhitneyTests.HollanderWolfeX, MannWhitneyTests.HollanderWolfeY);

        Assert.Multiple(() =>
        {
            Assert.That(e.Shift, Is.EqualTo(0.305).Within(Tolerance));
            Assert.That(e.Interval.Lower, Is.EqualTo(-0.15).Within(Tolerance));
            Assert.That(e.Interval.Upper, Is.EqualTo(0.76).Within(Tolerance));
            Assert.That(e.Interval.Level, Is.EqualTo(0.95));
            Assert.That(e.IsExact, Is.True);
        });
    }

    [Test]
    public void ExactIntervalForASmallSample()
    {
        // R equivalent: wilcox.test(c(3.1, 2.2, 4.5, 5.0, 3.3), c(1.0, 2.5, 0.7), conf.int = TRUE)
        //    estimate 2.3; interval -0.3 4.3 (k = 1: [min difference, max difference], coverage 1 - 2/56 > 0.95)
        ShiftEstimate e = HodgesLehmann.Estimate([3.1, 2.2, 4.5, 5.0, 3.3], [1.0, 2.5, 0.7]);

        Assert.That(e.Shift, Is.EqualTo(2.3).Within(Tolerance));
        Assert.That(e.Interval.Lower, Is.EqualTo(-0.3).Within(Tolerance));
        Assert.That(e.Interval.Upper, Is.EqualTo(4.3).Within(Tolerance));
        Assert.That(e.Interval.Level, Is.EqualTo(0.95));
    }

    [Test]
    public void TooSmallForTheLevelReportsTheAchievedCoverage()
    {
        // 2 × 2: even [min, max] of the 4 differences covers only 1 - 2 * P(U = 0) = 1 - 2/6.
        ShiftEstimate e = HodgesLehmann.Estimate([1.0, 2.0], [0.5, 3.0]);

        Assert.That(e.Shift, Is.EqualTo(-0.25).Within(Tolerance));
        Assert.That((e.Interval.Lower, e.Interval.Upper), Is.EqualTo((-2.0, 1.5)));
        Assert.That(e.Interval.Level, Is.EqualTo(2.0 / 3).Within(Tolerance));
    }

    [Test]
    public void OneValueEach()
    {
        ShiftEstimate e = HodgesLehmann.Estimate([5.0], [2.0]);
        Assert.That(e.Shift, Is.EqualTo(3));
        Assert.That(e.Interval, Is.EqualTo(new ConfidenceInterval(3, 3, 0)));
    }

    [Test]
    public void LargeSamplesWithTiesUseTheNormalApproximation()
    {
        // k = floor(mn/2 + 1/2 - qnorm(0.975) * sigma) = 1300 with the tie-corrected sigma; the interval is
        // sort(outer(x, y, "-"))[c(k, m*n - k + 1)] (computed with numpy):  estimate 1.0, interval 0.4 1.7.
        // R's wilcox.test(x, y, conf.int = TRUE) inverts the test numerically and may differ by one order statistic.
        ShiftEstimate e = HodgesLehmann.Estimate(LargeX, LargeY);

        Assert.Multiple(() =>
        {
            Assert.That(e.IsExact, Is.False);
            Assert.That(e.Shift, Is.EqualTo(1.0).Within(Tolerance));
            Assert.That(e.Interval.Lower, Is.EqualTo(0.4).Within(Tolerance));
            Assert.That(e.Interval.Upper, Is.EqualTo(1.7).Within(Tolerance));
            Assert.That(e.Interval.Level, Is.EqualTo(0.95));
        });
    }

    [Test]
    public void RecoversAKnownShiftOfLogRatios()
    {
        // Baseline log-ratios and the same values 10% slower: the shift is exactly ln(1.1).
        double[] baseline = Enumerable.Range(0, 300).Select(i => 0.01 * Math.Sin(i * 0.7)).ToArray();
        double[] current = baseline.Select(v => v + Math.Log(1.1)).ToArray();

        ShiftEstimate e = HodgesLehmann.Estimate(current, baseline);

        Assert.That(e.Shift, Is.EqualTo(Math.Log(1.1)).Within(1e-12));
        Assert.That(e.Interval.Contains(Math.Log(1.1)), Is.True);
        Assert.That(e.Interval.Lower, Is.GreaterThan(0));
    }

    [Test]
    public void AllEqualValuesGiveAZeroShift()
    {
        ShiftEstimate e = HodgesLehmann.Estimate(Enumerable.Repeat(1.5, 60).ToArray(), Enumerable.Repeat(1.5, 60).ToArray());
        Assert.That(e.Shift, Is.EqualTo(0));
        Assert.That((e.Interval.Lower, e.Interval.Upper), Is.EqualTo((0.0, 0.0)));
    }

    [Test]
    public void RejectsEmptyNonFiniteAndBadLevel()
    {
        Assert.That(() => HodgesLehmann.Estimate([1.0], []), Throws.ArgumentException.With.Property("ParamName").EqualTo("y"));
        Assert.That(() => HodgesLehmann.Estimate([double.PositiveInfinity], [1.0]), Throws.ArgumentException.With.Message.Contains("Infinity"));
        Assert.That(() => HodgesLehmann.Estimate([1.0], [1.0], 1.0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
