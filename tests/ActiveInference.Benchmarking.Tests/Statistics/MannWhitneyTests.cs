using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class MannWhitneyTests
{
    private const double Tolerance = 1e-12;

    // Example from R's ?wilcox.test (Hollander & Wolfe 1973, p. 69); R is not installed here, so the R lines are the
    // equivalent script and the expected values were computed with python3 + scipy 1.10:
    //   x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
    //   y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
    //   wilcox.test(x, y, alternative = "greater")   # W = 35, p-value = 0.1272
    // Exact p = 0.1272061272061272 (scipy.stats.mannwhitneyu(x, y, alternative="greater", method="exact")).
    internal static readonly double[] HollanderWolfeX = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    internal static readonly double[] HollanderWolfeY = [1.15, 0.88, 0.90, 0.74, 1.21];

    [Test]
    public void ExactMatchesR()
    {
        MannWhitneyResult r = MannWhitney.TestGreater(HollanderWolfeX, HollanderWolfeY);

        Assert.Multiple(() =>
        {
            Assert.That(r.U, Is.EqualTo(35));
            Assert.That(r.PValue, Is.EqualTo(0.1272061272061272).Within(Tolerance));
            Assert.That(r.IsExact, Is.True);
            Assert.That(r.ProbabilityOfSuperiority, Is.EqualTo(35.0 / 50));
        });
    }

    [Test]
    public void ExactSmallSamples()
    {
        // R: wilcox.test(c(3.1, 2.2, 4.5, 5.0, 3.3), c(1.0, 2.5, 0.7), alternative = "greater")  # W = 14, p = 0.03571
        // 14 of the 15 pairs favour x: P(U >= 14) = 2 / choose(8, 3) = 2 / 56.
        MannWhitneyResult r = MannWhitney.TestGreater([3.1, 2.2, 4.5, 5.0, 3.3], [1.0, 2.5, 0.7]);
        Assert.That((r.U, r.IsExact), Is.EqualTo((14.0, true)));
        Assert.That(r.PValue, Is.EqualTo(2.0 / 56).Within(Tolerance));
    }

    [Test]
    public void ExactAtMediumSizes()
    {
        // 20 and 25 distinct values; scipy.stats.mannwhitneyu(x, y, alternative="greater", method="exact"):
        // U = 274, p = 0.29744034245822004 (normal approximation would give 0.29571).
        // R equivalent: x <- round(sin((0:19) * 2.3) * 10 + 1.5, 3); y <- round(cos((0:24) * 1.1) * 10, 3)
        //               wilcox.test(x, y, alternative = "greater")
        double[] x =
        [
            1.5, 8.957, -8.437, 7.284, 3.729, -7.255, 10.937, -2.321, -2.846, 11.112,
            -6.962, 3.165, 7.744, -8.485, 8.562, 2.075, -6.328, 11.356, -3.806, -1.286,
        ];
        double[] y =
        [
            10.0, 4.536, -5.885, -9.875, -3.073, 7.087, 9.502, 1.534, -8.111, -8.892, 0.044, 8.932, 8.059,
            -1.621, -9.53, -7.024, 3.157, 9.888, 5.813, -4.615, -10.0, -4.457, 5.956, 9.86, 2.989,
        ];
        MannWhitneyResult r = MannWhitney.TestGreater(x, y);

        Assert.That((r.U, r.IsExact), Is.EqualTo((274.0, true)));
        Assert.That(r.PValue, Is.EqualTo(0.29744034245822004).Within(1e-12));
    }

    [Test]
    public void ExactDistributionIsSymmetricAndSumsToOne()
    {
        var distribution = new MannWhitneyDistribution(7, 4);
        Assert.That(distribution.LowerTail(28), Is.EqualTo(1));
        Assert.That(distribution.LowerTail(-1), Is.EqualTo(0));
        for (int u = 0; u <= 28; u++)
            Assert.That(distribution.UpperTail(u), Is.EqualTo(distribution.LowerTail(28 - u)).Within(Tolerance));
        // P(U = 0) = 1 / choose(11, 4).
        Assert.That(distribution.LowerTail(0), Is.EqualTo(1.0 / 330).Within(Tolerance));
    }

    [Test]
    public void DirectionIsXGreaterThanY()
    {
        // Swapping the samples turns "greater" into its complement: P(U' >= 15) = 1 - P(U >= 36).
        MannWhitneyResult swapped = MannWhitney.TestGreater(HollanderWolfeY, HollanderWolfeX);
        Assert.That(swapped.U, Is.EqualTo(15));
        Assert.That(swapped.PValue, Is.GreaterThan(0.85));
    }

    [Test]
    public void OneValueEach()
    {
        // Two equally likely orders: P(U >= 1) = 1/2, P(U >= 0) = 1.
        Assert.That(MannWhitney.TestGreater([2.0], [1.0]).PValue, Is.EqualTo(0.5).Within(Tolerance));
        Assert.That(MannWhitney.TestGreater([1.0], [2.0]).PValue, Is.EqualTo(1.0).Within(Tolerance));
    }

    [Test]
    public void TiesUseTheCorrectedNormalApproximation()
    {
        // R: x <- c(1,2,2,3,3,3,4,5,5,6); y <- c(0,1,1,2,2,3,3,4,4,4,5)
        //    wilcox.test(x, y, alternative = "greater", exact = FALSE, correct = TRUE)  # W = 68.5, p-value = 0.1762
        // p = 0.17617484699534958 (scipy mannwhitneyu(method="asymptotic", use_continuity=True): same formula as R).
        MannWhitneyResult r = MannWhitney.TestGreater([1, 2, 2, 3, 3, 3, 4, 5, 5, 6], [0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5]);

        Assert.Multiple(() =>
        {
            Assert.That(r.U, Is.EqualTo(68.5));
            Assert.That(r.IsExact, Is.False);
            Assert.That(r.PValue, Is.EqualTo(0.17617484699534958).Within(1e-12));
        });
    }

    [Test]
    public void LargeSamplesUseTheNormalApproximation()
    {
        // 60 and 55 values with ties (see HodgesLehmannTests.LargeX/LargeY for the R script):
        //   wilcox.test(x, y, alternative = "greater")  # W = 2110.5, p-value = 0.004985
        MannWhitneyResult r = MannWhitney.TestGreater(HodgesLehmannTests.LargeX, HodgesLehmannTests.LargeY);

        Assert.That((r.U, r.IsExact), Is.EqualTo((2110.5, false)));
        Assert.That(r.PValue, Is.EqualTo(0.004984850313705495).Within(1e-12));
    }

    [Test]
    public void AllValuesEqualGivesNoEvidence()
    {
        MannWhitneyResult r = MannWhitney.TestGreater([2.0, 2.0, 2.0], [2.0, 2.0]);
        Assert.That((r.U, r.PValue, r.ProbabilityOfSuperiority), Is.EqualTo((3.0, 1.0, 0.5)));
    }

    [Test]
    public void ClearShiftIsSignificantAtTheGateSizes()
    {
        // 200 values each, X shifted up by half the spread: exact tail would be astronomically small.
        double[] y = Enumerable.Range(0, 200).Select(i => i / 200.0).ToArray();
        double[] x = y.Select(v => v + 0.5).ToArray();
        MannWhitneyResult r = MannWhitney.TestGreater(x, y);
        Assert.That(r.PValue, Is.LessThan(1e-20));
        Assert.That(MannWhitney.TestGreater(y, x).PValue, Is.GreaterThan(1 - 1e-12));
    }

    [Test]
    public void RejectsEmptyAndNonFinite()
    {
        Assert.That(() => MannWhitney.TestGreater([], [1.0]), Throws.ArgumentException.With.Property("ParamName").EqualTo("x"));
        Assert.That(() => MannWhitney.TestGreater([1.0], [double.NaN]),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("y").And.Message.Contains("NaN"));
    }
}
