using MathNet.Numerics.Distributions;

namespace ActiveInference.Benchmarking.Statistics;

/// <summary>Distribution-free confidence interval of a population median from two order statistics, [x₍ₖ₎, x₍ₙ₋ₖ₊₁₎].</summary>
internal static class MedianOrderStatisticInterval
{
    /// <summary>The two-sided interval of the median of values already sorted ascending (not checked), in their unit.</summary>
    /// <param name="sorted">Sorted sample, at least one value.</param>
    /// <param name="level">Confidence level in (0, 1), e.g. 0.95.</param>
    /// <exception cref="ArgumentException">The sample is empty.</exception>
    public static ConfidenceInterval OfSorted(ReadOnlySpan<double> sorted, double level = 0.95)
    {
        if (sorted.IsEmpty)
            throw new ArgumentException("The sample is empty: a median interval needs at least one value.", nameof(sorted));
        SampleGuard.RequireLevel(level, nameof(level));

        var n = sorted.Length;
        var tail = (1 - level) / 2;
        // Lower tail of Binomial(n, 1/2) below order statistic k (1-based): P(B <= k - 1).
        double TailBelow(int k) => Binomial.CDF(0.5, n, k - 1);

        // P(B = 0) = 2^-n exactly (the incomplete-beta CDF is a few ulps off, which would show in the reported level).
        var minMaxTail = Math.ScaleB(1.0, -n);
        if (minMaxTail > tail)
            return new ConfidenceInterval(sorted[0], sorted[^1], 1 - 2 * minMaxTail);

        // P(B <= k - 1) grows with k, so binary-search the largest k in [1, ceil(n/2)] still inside the tail.
        int good = 1, bad = (n + 1) / 2 + 1;
        while (bad - good > 1)
        {
            var middle = good + (bad - good) / 2;
            if (TailBelow(middle) <= tail)
                good = middle;
            else
                bad = middle;
        }
        return new ConfidenceInterval(sorted[good - 1], sorted[n - good], level);
    }
}
