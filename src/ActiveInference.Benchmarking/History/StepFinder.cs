using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.History;

/// <summary>
/// Finds steps in an anchored series: ED-PELT on ln(ratio) proposes level changes (rank-based, so one wild process
/// does not make a level), then neighbouring levels closer than the minimum effect are merged until every step left
/// reaches it. Never run on raw times.
/// </summary>
internal static class StepFinder
{
    /// <summary>Shortest level, in runs: one run alone never makes a level.</summary>
    public const int MinimumRuns = 2;

    /// <summary>The steps of <paramref name="points"/> whose factor is at least 1 + <paramref name="minimumEffect"/> (or its inverse).</summary>
    public static IReadOnlyList<Step> Find(IReadOnlyList<AnchoredPoint> points, double minimumEffect)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumEffect);
        if (points.Count < 2 * MinimumRuns)
            return [];
        var logs = points.Select(p => Math.Log(p.Ratio)).ToArray();
        var starts = EdPelt.Detect(logs, MinimumRuns).ToList();
        var limit = Math.Log(1 + minimumEffect);
        while (starts.Count > 0)
        {
            var levels = Levels(logs, starts);
            var weakest = Enumerable.Range(0, starts.Count).MinBy(k => Math.Abs(levels[k + 1] - levels[k]));
            if (Math.Abs(levels[weakest + 1] - levels[weakest]) >= limit)
                break;
            starts.RemoveAt(weakest);
        }

        var final = Levels(logs, starts);
        return starts.Select((start, k) => new Step(start, points[start - 1].Commit, points[start].Commit, Math.Exp(final[k]), Math.Exp(final[k + 1]))).ToArray();
    }

    /// <summary>The median of each segment between <paramref name="starts"/>.</summary>
    private static double[] Levels(double[] logs, List<int> starts)
    {
        var bounds = new[] { 0 }.Concat(starts).Append(logs.Length).ToArray();
        return Enumerable.Range(0, bounds.Length - 1).Select(s => Quantile.Median(logs[bounds[s]..bounds[s + 1]])).ToArray();
    }
}
