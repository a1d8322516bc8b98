using MathNet.Numerics.Distributions;

namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// One-sided Mann–Whitney U (Wilcoxon rank-sum) test: is X stochastically greater than Y?
/// </summary>
/// <remarks>
/// When both samples have fewer than 50 values and no value occurs twice in the pooled sample, the p-value is exact
/// (<see cref="MannWhitneyDistribution"/>). Otherwise it is the normal approximation with the tie-corrected variance
/// σ² = mn/12·[(N + 1) − Σ(t³ − t)/(N(N − 1))] (t = size of each tie group, N = m + n) and a continuity correction of
/// ½: z = (U − mn/2 − ½)/σ, p = 1 − Φ(z). This is the rule and formula of R's
/// <c>wilcox.test(x, y, alternative = "greater")</c>. If every value is equal (σ = 0) there is no evidence and p = 1.
/// <para>Mann, H. B. and Whitney, D. R. (1947). "On a test of whether one of two random variables is stochastically
/// larger than the other." Ann. Math. Statist. 18(1): 50–60. https://doi.org/10.1214/aoms/1177730491</para>
/// <para>Hollander, M., Wolfe, D. A. and Chicken, E. (2014). Nonparametric Statistical Methods, 3rd ed., Wiley,
/// §4.1 (large-sample approximation and ties).</para>
/// </remarks>
public static class MannWhitney
{
    /// <summary>
    /// Tests H₁: X is stochastically greater than Y (e.g. X = current log-ratios, Y = baseline log-ratios: a small
    /// p-value says the current run is slower). Inputs are not changed.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty or contains NaN or ±Infinity.</exception>
    public static MannWhitneyResult TestGreater(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        SampleGuard.RequireFiniteNonEmpty(x, nameof(x));
        SampleGuard.RequireFiniteNonEmpty(y, nameof(y));

        int m = x.Length, n = y.Length;
        double[] xs = x.ToArray(), ys = y.ToArray();
        Array.Sort(xs);
        Array.Sort(ys);

        double u = CountPairsGreater(xs, ys);
        double tieTerm = MannWhitneyVariance.TieTerm(xs, ys);
        double mn = (double)m * n;

        if (m < MannWhitneyDistribution.ExactLimit && n < MannWhitneyDistribution.ExactLimit && tieTerm == 0)
        {
            // U is an integer when there are no ties.
            double p = new MannWhitneyDistribution(m, n).UpperTail((int)u);
            return new MannWhitneyResult(u, m, n, p, IsExact: true);
        }

        double sigma = MannWhitneyVariance.StandardDeviation(m, n, tieTerm);
        if (sigma == 0)
            return new MannWhitneyResult(u, m, n, 1, IsExact: false);
        double z = (u - mn / 2 - 0.5) / sigma;
        return new MannWhitneyResult(u, m, n, Normal.CDF(0, 1, -z), IsExact: false);
    }

    // U_X for sorted samples by merging: each x scores the y's below it, and half of those equal to it.
    private static double CountPairsGreater(double[] xs, double[] ys)
    {
        double u = 0;
        int below = 0, belowOrEqual = 0;
        foreach (double v in xs)
        {
            while (below < ys.Length && ys[below] < v) below++;
            if (belowOrEqual < below) belowOrEqual = below;
            while (belowOrEqual < ys.Length && ys[belowOrEqual] <= v) belowOrEqual++;
            u += below + 0.5 * (belowOrEqual - below);
        }
        return u;
    }
}
