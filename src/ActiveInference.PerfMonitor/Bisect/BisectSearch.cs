using ActiveInference.Benchmarking.IO;
using System.Globalization;

namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>
/// Finds the commits where benchmarks stepped, on a first-parent line of commits: the whole range is measured paired
/// (bad beside good); for each benchmark whose change reaches the threshold, a binary search measures the middle commit
/// beside the segment's start and keeps the half where more than half of the change (in ln units) has happened, until
/// two neighbours remain, whose paired change is the step. The parts before and after it are searched again, so two
/// steps in one range are both found (unless they cancel out between good and bad, where only the history shows them).
/// Commits that do not build are skipped and named.
/// </summary>
internal sealed class BisectSearch(IPairMeasurer measurer, double threshold, TextWriter progress)
{
    private const int MaxStepsPerBenchmark = 5;
    private readonly Dictionary<(string, string), PairMeasurement> _measured = [];
    private readonly List<PairMeasurement> _chain = [];
    private readonly Dictionary<string, UnbuildableCommitException> _skipped = new(StringComparer.Ordinal);

    /// <summary>Bisects <paramref name="commits"/> (good first, bad last, first-parent order).</summary>
    /// <exception cref="UnbuildableCommitException">The good or the bad end does not build.</exception>
    public BisectOutcome Run(IReadOnlyList<string> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count < 2)
            throw new ArgumentException("a range needs a good and a bad commit", nameof(commits));
        var whole = Measure(commits.Count - 1, 0, commits) ?? throw _skipped.Values.First();
        var steps = new List<BisectStep>();
        foreach (var (name, change) in whole.Benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (Reaches(change.Ratio))
                Search(name, 0, commits.Count - 1, commits, steps);
        }

        return new BisectOutcome([.. steps.OrderBy(s => s.Benchmark, StringComparer.Ordinal).ThenBy(s => Array.IndexOf([.. commits], s.FirstAfter))], _chain, [.. _skipped.Values]);
    }

    /// <summary>Finds the step of <paramref name="name"/> in commits first..last, then searches the parts before and after it again.</summary>
    private void Search(string name, int first, int last, IReadOnlyList<string> commits, List<BisectStep> steps)
    {
        if (last <= first || steps.Count(s => s.Benchmark == name) >= MaxStepsPerBenchmark)
            return;
        var step = Narrow(name, first, last, commits);
        if (step is null)
            return;
        steps.Add(step);
        Search(name, first, Array.IndexOf([.. commits], step.LastBefore), commits, steps);
        Search(name, Array.IndexOf([.. commits], step.FirstAfter), last, commits, steps);
    }

    private bool Reaches(double ratio) => Math.Abs(Math.Log(ratio)) >= Math.Log(1 + threshold);

    /// <summary>A step of <paramref name="name"/> between commits <paramref name="start"/> and <paramref name="end"/>, or null when their change does not reach the threshold.</summary>
    private BisectStep? Narrow(string name, int start, int end, IReadOnlyList<string> commits)
    {
        if (Measure(end, start, commits)?.Benchmarks.GetValueOrDefault(name) is not { } total || !Reaches(total.Ratio))
            return null;
        var target = Math.Log(total.Ratio);
        var (low, high) = (start, end);
        while (high - low > 1)
        {
            var probe = Candidates(low, high).Select(i => (Index: i, Measured: Measure(i, start, commits))).FirstOrDefault(c => c.Measured is not null);
            if (probe.Measured is null)
                break;
            var reached = probe.Measured.Benchmarks.TryGetValue(name, out var change) && Math.Log(change.Ratio) / target > 0.5;
            (low, high) = reached ? (low, probe.Index) : (probe.Index, high);
        }

        var neighbours = high == low + 1;
        var step = Measure(high, low, commits);
        var measured = step?.Benchmarks.GetValueOrDefault(name) ?? total;
        return new BisectStep(name, commits[low], commits[high], measured, neighbours);
    }

    /// <summary>The commits strictly between, middle first, then outwards (so a skipped middle tries its neighbours).</summary>
    private IEnumerable<int> Candidates(int low, int high)
    {
        var middle = (low + high) / 2;
        for (var distance = 0; distance < high - low; distance++)
        {
            foreach (var i in distance == 0 ? [middle] : new[] { middle + distance, middle - distance })
            {
                if (i > low && i < high)
                    yield return i;
            }
        }
    }

    /// <summary>Commit <paramref name="current"/> beside commit <paramref name="baseline"/> (indexes), cached; null when either does not build.</summary>
    private PairMeasurement? Measure(int current, int baseline, IReadOnlyList<string> commits)
    {
        var (c, b) = (commits[current], commits[baseline]);
        if (_skipped.ContainsKey(c) || _skipped.ContainsKey(b))
            return null;
        if (_measured.TryGetValue((c, b), out var known))
            return known;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bisect: measuring {Git.Short(c)} (#{current} of {commits.Count - 1}) beside {Git.Short(b)} (#{baseline}) ..."));
        try
        {
            var measured = measurer.Measure(c, b);
            _measured[(c, b)] = measured;
            _chain.Add(measured);
            foreach (var (name, change) in measured.Benchmarks.OrderBy(x => x.Key, StringComparer.Ordinal))
                progress.WriteLine($"bisect:   {name}: {Describe(change)}");
            return measured;
        }
        catch (UnbuildableCommitException error)
        {
            _skipped[error.Commit] = error;
            progress.WriteLine($"bisect: skipping {Git.Short(error.Commit)}: {error.Reason}");
            return null;
        }
    }

    /// <summary>e.g. <c>×1.203 [1.180, 1.226] Regressed (2 processes × 4 copies)</c>.</summary>
    public static string Describe(MeasuredRatio change) => string.Create(CultureInfo.InvariantCulture,
        $"×{change.Ratio:0.000}{(change.Lower is { } l && change.Upper is { } u ? $" [{l:0.000}, {u:0.000}]" : "")} {change.Verdict}{(change.Processes > 0 ? $" ({change.Processes} processes × {change.CopiesPerSide} copies)" : "")}");

}
