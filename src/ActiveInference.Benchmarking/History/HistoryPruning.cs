namespace ActiveInference.Benchmarking.History;

/// <summary>
/// Keeps a history folder bounded: at most a given number of run files, chosen so that what the history shows survives.
/// Always kept: the oldest run (it sets each series' unit), every run that links a later anchor, the two runs on either
/// side of every step (so steps stay where they were found), and the newest half of the budget; the rest of the budget
/// is spread evenly over the older runs, so old history thins out instead of ending. Anchor links and files that could
/// not be read are never removed.
/// </summary>
internal static class HistoryPruning
{
    /// <summary>The smallest budget: the first run, both sides of one step and the newest run.</summary>
    public const int MinimumRuns = 4;

    /// <summary>The runs to remove so that at most <paramref name="maxRuns"/> remain (more when the protected runs alone exceed it).</summary>
    /// <param name="contents">The folder's runs and links, as read.</param>
    /// <param name="maxRuns">Most run files to keep, at least <see cref="MinimumRuns"/>.</param>
    public static PruningPlan Plan(HistoryFolderContents contents, int maxRuns)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRuns, MinimumRuns);
        var runs = contents.Runs;
        if (runs.Count <= maxRuns)
            return new PruningPlan([], runs.Count, 0);
        var anchors = runs.Select(r => r.Run.AnchorCommit).Concat(contents.Links.Select(l => l.Run.AnchorCommit)).ToHashSet(StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal) { runs[0].File };
        kept.UnionWith(runs.Where(r => r.Run.Commit != r.Run.AnchorCommit && anchors.Contains(r.Run.Commit)).Select(r => r.File));
        foreach (var series in AnchoredHistory.Build(contents))
        {
            foreach (var step in series.Steps)
                kept.UnionWith([series.Points[step.Index - 1].File, series.Points[step.Index].File]);
        }

        var protectedCount = kept.Count;
        var newest = runs.Count - Math.Max(0, (maxRuns - protectedCount) / 2);
        kept.UnionWith(runs.Skip(newest).Select(r => r.File));
        var older = runs.Take(newest).Where(r => !kept.Contains(r.File)).ToArray();
        var room = Math.Max(0, maxRuns - kept.Count);
        if (room > 0 && older.Length > 0)
        {
            for (var k = 0; k < room && k < older.Length; k++)
                kept.Add(older[(int)((k + 0.5) * older.Length / Math.Min(room, older.Length))].File);
        }

        var remove = runs.Where(r => !kept.Contains(r.File)).Select(r => r.File).ToArray();
        return new PruningPlan(remove, runs.Count - remove.Length, protectedCount);
    }
}

/// <summary>What <see cref="HistoryPruning"/> would remove from a history folder.</summary>
/// <param name="Remove">The run files to remove, relative to the folder, oldest first.</param>
/// <param name="Kept">How many run files remain.</param>
/// <param name="Protected">How many of them are kept whatever the budget (the oldest run, anchor runs, both sides of every step).</param>
internal sealed record PruningPlan(IReadOnlyList<string> Remove, int Kept, int Protected);
