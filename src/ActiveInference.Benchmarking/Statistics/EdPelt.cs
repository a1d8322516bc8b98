namespace ActiveInference.Benchmarking.Statistics;

/// <summary>Offline change-point detection by ED-PELT: where the distribution of a series changes, without assuming normality.</summary>
internal sealed class EdPelt : IChangePointDetector
{
    /// <summary>
    /// The detector with the default penalty, for those that take an <see cref="IChangePointDetector"/> (the history's
    /// trends); it has no state.
    /// </summary>
    public static EdPelt Instance { get; } = new();

    private EdPelt() { }

    /// <inheritdoc />
    int[] IChangePointDetector.Detect(IReadOnlyList<double> series, int minDistance) => [.. Detect(series, minDistance)];

    /// <summary>
    /// Indexes at which a new segment starts (series[i − 1] ends one level, series[i] begins the next), ascending;
    /// every segment is at least <paramref name="minDistance"/> long.
    /// </summary>
    /// <param name="series">Values in time order, all finite.</param>
    /// <param name="minDistance">Shortest segment allowed, at least 1 (e.g. 3 runs so that a single outlier is not a level).</param>
    /// <param name="penalty">Cost added per change point; defaults to 3·ln(n). Must be non-negative and finite.</param>
    /// <exception cref="ArgumentException">The series contains NaN or ±Infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">minDistance &lt; 1 or the penalty is negative or not finite.</exception>
    public static IReadOnlyList<int> Detect(IReadOnlyList<double> series, int minDistance, double? penalty = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDistance, 1);
        var data = series.ToArray();
        SampleGuard.RequireFinite(data, nameof(series));
        if (penalty is { } given && !(given >= 0 && double.IsFinite(given)))
            throw new ArgumentOutOfRangeException(nameof(penalty), given, "The penalty must be finite and non-negative.");

        var n = data.Length;
        if (n < 2 * minDistance || n < 2)
            return [];
        var beta = penalty ?? 3 * Math.Log(n);

        var cost = new SegmentCost(data);

        // best[t]: minimal penalised cost of y[0..t); previous[t]: start of its last segment.
        var best = new double[n + 1];
        var previous = new int[n + 1];
        best[0] = -beta;
        // Live candidates for the start of the last segment, and their segment cost at the current t.
        var candidates = new int[n + 1];
        var costs = new double[n + 1];
        var live = 1; // candidates[0] = 0

        for (var t = minDistance; t <= n; t++)
        {
            // A change at t - minDistance becomes admissible now that its last segment can be minDistance long.
            var newcomer = t - minDistance;
            if (newcomer >= minDistance)
                candidates[live++] = newcomer;

            var minimum = double.PositiveInfinity;
            var argMin = 0;
            for (var c = 0; c < live; c++)
            {
                var tau = candidates[c];
                costs[c] = best[tau] + cost.Of(tau, t);
                if (costs[c] + beta < minimum)
                {
                    minimum = costs[c] + beta;
                    argMin = tau;
                }
            }
            best[t] = minimum;
            previous[t] = argMin;

            // PELT pruning (Killick et al. 2012, Theorem 3.1 with K = 0): a candidate whose unpenalised total already
            // exceeds the optimum can never be the last change point of a longer prefix.
            var kept = 0;
            for (var c = 0; c < live; c++)
                if (costs[c] <= minimum)
                    candidates[kept++] = candidates[c];
            live = kept;
        }

        var changes = new List<int>();
        for (var end = previous[n]; end > 0; end = previous[end])
            changes.Add(end);
        changes.Reverse();
        return changes.AsReadOnly();
    }

    // Cost of a segment from cumulative counts at K quantiles of the whole series (Haynes et al. 2017, §3.2).
    private sealed class SegmentCost
    {
        private readonly int[][] _doubledBelow; // [k][i]: 2·#{j < i: y[j] < t_k} + #{j < i: y[j] == t_k}
        private readonly double _scale;

        public SegmentCost(double[] data)
        {
            var n = data.Length;
            var quantileCount = Math.Min(n, (int)Math.Ceiling(4 * Math.Log(n)));
            var sorted = (double[])data.Clone();
            Array.Sort(sorted);
            var c = -Math.Log(2 * n - 1);

            _doubledBelow = new int[quantileCount][];
            for (var k = 0; k < quantileCount; k++)
            {
                var p = 1 / (1 + (2 * n - 1) * Math.Exp(c / quantileCount * (2 * k + 1)));
                var threshold = sorted[(int)((n - 1) * p)];
                var counts = new int[n + 1];
                for (var i = 0; i < n; i++)
                    counts[i + 1] = counts[i] + (data[i] < threshold ? 2 : data[i] == threshold ? 1 : 0);
                _doubledBelow[k] = counts;
            }
            _scale = 2 * -c / quantileCount;
        }

        public double Of(int start, int end)
        {
            var length = end - start;
            double sum = 0;
            foreach (var counts in _doubledBelow)
            {
                var fraction = (counts[end] - counts[start]) / (2.0 * length);
                if (fraction > 0 && fraction < 1)
                    sum -= length * (fraction * Math.Log(fraction) + (1 - fraction) * Math.Log(1 - fraction));
            }
            return _scale * sum;
        }
    }
}
