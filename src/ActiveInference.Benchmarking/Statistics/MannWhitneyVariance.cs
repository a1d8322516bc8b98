namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// Null standard deviation of the Mann–Whitney U with the correction for ties, shared by <see cref="MannWhitney"/>
/// and <see cref="HodgesLehmann"/>: σ² = mn/12·[(N + 1) − Σ(t³ − t)/(N(N − 1))], N = m + n, t = size of each group
/// of equal values in the pooled sample (Hollander, Wolfe and Chicken 2014, §4.1, eq. 4.11).
/// </summary>
internal static class MannWhitneyVariance
{
    /// <summary>Σ (t³ − t) over groups of equal values in the pooled sample: 0 exactly when there are no ties.</summary>
    public static double TieTerm(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var pooled = new double[x.Length + y.Length];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(x.Length));
        Array.Sort(pooled);
        double term = 0;
        for (int start = 0; start < pooled.Length;)
        {
            int end = start + 1;
            while (end < pooled.Length && pooled[end] == pooled[start]) end++;
            double t = end - start;
            term += t * t * t - t;
            start = end;
        }
        return term;
    }

    /// <summary>The tie-corrected σ of U for sizes m, n and a <see cref="TieTerm"/>; 0 when every value is equal.</summary>
    public static double StandardDeviation(int m, int n, double tieTerm)
    {
        double total = (double)m + n;
        if (total < 2) return 0;
        double variance = (double)m * n / 12 * ((total + 1) - tieTerm / (total * (total - 1)));
        return variance > 0 ? Math.Sqrt(variance) : 0;
    }
}
