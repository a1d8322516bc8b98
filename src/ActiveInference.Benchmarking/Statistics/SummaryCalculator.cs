namespace ActiveInference.Benchmarking.Statistics;

/// <summary>Computes a <see cref="Summary"/> (descriptive statistics and 95% intervals) from a sample of values.</summary>
internal static class SummaryCalculator
{
    /// <summary>The confidence level of both intervals in a <see cref="Summary"/>.</summary>
    public const double Level = 0.95;

    /// <summary>Summarises <paramref name="values"/> (any unit, e.g. nanoseconds per operation); the input is not changed.</summary>
    /// <exception cref="ArgumentException">The sample is empty or contains NaN or ±Infinity (the message names the index).</exception>
    public static Summary Summarise(ReadOnlySpan<double> values)
    {
        SampleGuard.RequireFiniteNonEmpty(values, nameof(values));

        var n = values.Length;
        var sorted = values.ToArray();
        Array.Sort(sorted);

        // Rounding of sum / n can step a hair outside [min, max] (e.g. all values equal); the mean never can.
        var mean = Math.Clamp(CompensatedSum(sorted) / n, sorted[0], sorted[^1]);
        double squares = 0;
        foreach (var v in sorted)
            squares += (v - mean) * (v - mean);
        var standardDeviation = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;

        return new Summary(
            N: n,
            Mean: mean,
            StandardDeviation: standardDeviation,
            Min: sorted[0],
            Max: sorted[^1],
            Median: Quantile.OfSorted(sorted, 0.5),
            Q1: Quantile.OfSorted(sorted, 0.25),
            Q3: Quantile.OfSorted(sorted, 0.75),
            MeanInterval: StudentMeanInterval.Compute(mean, standardDeviation, n, Level),
            MedianInterval: MedianOrderStatisticInterval.OfSorted(sorted, Level));
    }

    /// <summary>
    /// The middle value of the sorted sample (for an even count the upper of the two middle values, so the answer is
    /// always one of the values: bytes per call stay a whole sample's bytes); 0 for no values.
    /// </summary>
    public static double MiddleValue(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    // Neumaier's variant of Kahan summation: error independent of n for well-conditioned sums.
    private static double CompensatedSum(ReadOnlySpan<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (var v in values)
        {
            var t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }
}
