namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// Exact null distribution of the Mann–Whitney statistic U (number of pairs with x &gt; y) for samples of sizes m and
/// n without ties: each of the C(m + n, m) rankings is equally likely.
/// </summary>
/// <remarks>
/// Counts come from the recurrence f(i, j, u) = f(i − 1, j, u − j) + f(i, j − 1, u) (Mann and Whitney 1947, eq. 2):
/// the largest of the i + j values is either an x (beating all j y's) or a y (beating none). Only additions of
/// non-negative numbers, so the double counts carry no cancellation error. Cost O(m²n²) time, O(m²n) memory: meant for
/// m, n &lt; <see cref="ExactLimit"/>.
/// </remarks>
internal sealed class MannWhitneyDistribution
{
    /// <summary>Sizes below which the exact distribution is used (both samples), as in R's <c>wilcox.test</c>.</summary>
    public const int ExactLimit = 50;

    private readonly double[] _lowerTail;

    /// <summary>Builds the distribution of U for sample sizes <paramref name="m"/> and <paramref name="n"/>.</summary>
    public MannWhitneyDistribution(int m, int n)
    {
        double[] counts = Counts(m, n);
        _lowerTail = new double[counts.Length];
        double running = 0, total = 0;
        foreach (double c in counts) total += c;
        for (int u = 0; u < counts.Length; u++)
        {
            running += counts[u];
            _lowerTail[u] = running / total;
        }
        _lowerTail[^1] = 1;
    }

    /// <summary>P(U ≤ u); 0 below 0 and 1 above m·n.</summary>
    public double LowerTail(int u) => u < 0 ? 0 : u >= _lowerTail.Length ? 1 : _lowerTail[u];

    /// <summary>P(U ≥ u), by the symmetry of U about m·n/2.</summary>
    public double UpperTail(int u) => LowerTail(_lowerTail.Length - 1 - u);

    // Counts of rankings giving U = 0 … m·n.
    private static double[] Counts(int m, int n)
    {
        // rows[i] holds f(i, j, ·) for the current j; updated in place as j grows from 0 to n.
        var rows = new double[m + 1][];
        for (int i = 0; i <= m; i++)
        {
            rows[i] = new double[i * n + 1];
            rows[i][0] = 1; // j = 0: one ranking, U = 0.
        }
        for (int j = 1; j <= n; j++)
        {
            // i ascending: rows[i - 1] already holds f(i - 1, j, ·); rows[i] still holds f(i, j - 1, ·).
            for (int i = 1; i <= m; i++)
            {
                double[] current = rows[i], previous = rows[i - 1];
                for (int u = i * j; u >= j; u--)
                    current[u] += previous[u - j];
            }
        }
        return rows[m];
    }
}
