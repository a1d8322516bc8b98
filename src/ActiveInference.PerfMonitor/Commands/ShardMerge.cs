using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>Combines the results files of a sharded run into one <see cref="RunReport"/>.</summary>
internal static class ShardMerge
{
    /// <summary>
    /// One run holding every shard's results: the latest timestamp, the first shard's settings, the common suite,
    /// profile and commit (joined with <c>+</c> and reported in <paramref name="warnings"/> when the shards differ).
    /// </summary>
    /// <exception cref="MonitorException">Two shards hold the same benchmark, or no shard was given.</exception>
    public static RunReport Combine(IReadOnlyList<(string Path, RunReport Run)> shards, List<string> warnings)
    {
        if (shards.Count == 0)
            throw new MonitorException("merge: give at least one results file");
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, run) in shards)
        {
            foreach (var result in run.Results.Select(r => r.Measured))
            {
                if (owner.TryGetValue(result.FullName, out var first))
                    throw new MonitorException($"benchmark '{SummaryTable.ReportTextLine(result.FullName)}' is in two shards: {first} and {path} (were the shards run with the same I/N?)");
                owner[result.FullName] = path;
            }
        }
        var runs = shards.Select(s => s.Run).ToArray();
        var config = new Dictionary<string, string>(runs[0].Config, StringComparer.Ordinal) { ["shards"] = runs.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new RunReport
        {
            Suite = Common(runs.Select(r => r.Suite), "suite", warnings)!,
            Timestamp = runs.Max(r => r.Timestamp),
            Config = config,
            MachineProfileId = Common(runs.Select(r => r.MachineProfileId), "machine profile", warnings)!,
            MachineProfileDescription = Common(runs.Select(r => r.MachineProfileDescription), "machine description", null) ?? "",
            Commit = Common(runs.Select(r => r.Commit), "commit", warnings),
            Branch = Common(runs.Select(r => r.Branch), "branch", null),
            Results = runs.SelectMany(r => r.Results).ToArray(),
        };
    }

    private static string? Common(IEnumerable<string?> values, string what, List<string>? warnings)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 1)
            return distinct[0];
        warnings?.Add($"the shards differ in {what}: {string.Join(", ", distinct.Select(v => v ?? "unknown"))}");
        return string.Join("+", distinct.Select(v => v ?? "unknown"));
    }
}
