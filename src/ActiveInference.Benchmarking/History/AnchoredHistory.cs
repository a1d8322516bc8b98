using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.History;

/// <summary>
/// Builds each benchmark's <see cref="AnchoredSeries"/> from a history folder's runs and links: every ratio is carried
/// into the units of the benchmark's first anchor through the chain of anchor links (a stored link, or a run whose
/// commit is a later anchor), with the links' uncertainty added to the interval.
/// </summary>
internal static class AnchoredHistory
{
    /// <summary>
    /// Every benchmark's series, ordinal order of full name. A step's minimum effect is the benchmark's threshold in its
    /// latest run (its own, or the run's), unless <paramref name="threshold"/> overrides it.
    /// </summary>
    public static IReadOnlyList<AnchoredSeries> Build(HistoryFolderContents contents, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var anchors = contents.Runs.Select(r => r.Run.AnchorCommit).Concat(contents.Links.Select(l => l.Run.AnchorCommit)).ToHashSet(StringComparer.Ordinal);
        var linkRuns = contents.Links.Concat(contents.Runs.Where(r => r.Run.Commit != r.Run.AnchorCommit && anchors.Contains(r.Run.Commit))).ToArray();
        var names = contents.Runs.SelectMany(r => r.Run.Benchmarks.Select(b => b.FullName)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return names.Select(name => Series(name, contents.Runs, linkRuns, threshold)).Where(s => s is not null).Select(s => s!).ToArray();
    }

    private static AnchoredSeries? Series(string name, IReadOnlyList<StoredRun> runs, IReadOnlyList<StoredRun> linkRuns, double? threshold)
    {
        var measured = runs
            .Select(r => (Stored: r, Entry: r.Run.Benchmarks.FirstOrDefault(b => b.FullName == name)))
            .Where(x => x.Entry is not null && (x.Entry.Ratio is not null || x.Entry.Verdict == Verdict.Unchanged))
            .ToArray();
        if (measured.Length == 0)
            return null;
        var unit = measured[0].Stored.Run.AnchorCommit;
        var factors = Factors(name, unit, linkRuns);
        var points = new List<AnchoredPoint>();
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (stored, entry) in measured)
        {
            var run = stored.Run;
            if (!factors.TryGetValue(run.AnchorCommit, out var link))
            {
                left[run.AnchorCommit] = left.GetValueOrDefault(run.AnchorCommit) + 1;
                continue;
            }

            var unchanged = entry!.Ratio is null;
            var ratio = (entry.Ratio ?? 1) * Math.Exp(link.Log);
            double? lower = null, upper = null;
            if (entry.Lower is { } l && entry.Upper is { } u && entry.Ratio is { } r && l > 0 && u > 0)
            {
                lower = ratio * Math.Exp(-Math.Sqrt(Square(Math.Log(r / l)) + link.Variance));
                upper = ratio * Math.Exp(Math.Sqrt(Square(Math.Log(u / r)) + link.Variance));
            }

            points.Add(new AnchoredPoint(
                run.Commit, run.ParentCommit, run.Date, stored.File, run.AnchorCommit, entry.Verdict, ratio, lower, upper, entry.NoiseFloor,
                entry.Processes, entry.CopiesPerSide, entry.RawAnchorMedianNanoseconds, entry.RawCurrentMedianNanoseconds, entry.BytesPerOperation, unchanged));
        }

        var problems = left.Select(p =>
            $"{name}: {p.Value} run(s) measured against anchor {Git.Short(p.Key)} left out: no anchor link joins it to {Git.Short(unit)}; "
            + $"measure it: on a checkout of {Git.Short(p.Key)}, run the gate with PERF_BASELINE_REF={unit}, then 'perfmonitor anchor link --results <results.json> --history <folder>'").ToArray();
        var (lastRun, lastEntry) = measured[^1];
        var effect = threshold ?? lastEntry!.Threshold ?? lastRun.Run.Threshold;
        return new AnchoredSeries(name, unit, effect, points, StepFinder.Find(points, effect), problems);
    }

    /// <summary>
    /// For every anchor reachable from <paramref name="unit"/> through links holding <paramref name="name"/>: ln(its time
    /// ÷ the unit's time) and the variance of that estimate (squared half-widths of the links' log intervals).
    /// </summary>
    private static Dictionary<string, (double Log, double Variance)> Factors(string name, string unit, IReadOnlyList<StoredRun> linkRuns)
    {
        var edges = new List<(string Newer, string Older, double Log, double Variance)>();
        foreach (var link in linkRuns)
        {
            if (link.Run.Benchmarks.FirstOrDefault(b => b.FullName == name) is { Ratio: { } ratio } entry)
            {
                var variance = entry.Lower is { } l && entry.Upper is { } u && l > 0 && u > 0 ? Square(Math.Log(u / l) / 2) : 0;
                edges.Add((link.Run.Commit, link.Run.AnchorCommit, Math.Log(ratio), variance));
            }
        }

        var factors = new Dictionary<string, (double Log, double Variance)>(StringComparer.Ordinal) { [unit] = (0, 0) };
        var queue = new Queue<string>([unit]);
        while (queue.TryDequeue(out var known))
        {
            var (log, variance) = factors[known];
            foreach (var (newer, older, step, stepVariance) in edges)
            {
                if (older == known && !factors.ContainsKey(newer))
                {
                    factors[newer] = (log + step, variance + stepVariance);
                    queue.Enqueue(newer);
                }
                else if (newer == known && !factors.ContainsKey(older))
                {
                    factors[older] = (log - step, variance + stepVariance);
                    queue.Enqueue(older);
                }
            }
        }

        return factors;
    }

    private static double Square(double x) => x * x;

}
