using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>At run end: adds the run to the history folder when it is a gate run on the history branch (never a pull request).</summary>
internal static class HistoryRecorder
{
    /// <summary>
    /// Adds the file when the run is a history point; returns one line for stderr (the file added, or why a configured
    /// folder got nothing), or null when no folder is configured.
    /// </summary>
    /// <param name="report">The run.</param>
    /// <param name="options">Its settings: <see cref="PerfOptions.HistoryFolder"/> and <see cref="PerfOptions.HistoryBranch"/>.</param>
    /// <param name="repositoryDirectory">Where git finds the commit's parent.</param>
    /// <param name="variable">Reads an environment variable (GITHUB_HEAD_REF is set only on pull-request events).</param>
    public static string? Record(RunReport report, PerfOptions options, string repositoryDirectory, Func<string, string?> variable)
    {
        if (options.HistoryFolder is not { } folder)
            return null;
        if (Skip(report, options, variable) is { } reason)
            return $"perf history: no point added to {folder}: {reason}";
        var parent = Git.Run(repositoryDirectory, TimeSpan.FromSeconds(10), "rev-parse", "--verify", "--quiet", report.Commit + "^1");
        var run = AnchoredRunFactory.From(report, parent.Succeeded && parent.Output.Length > 0 ? parent.Output : null);
        if (run is null)
            return $"perf history: no point added to {folder}: no benchmark was paired with a baseline commit (the anchor), so there is no ratio to keep";
        try
        {
            return $"perf history: added {new HistoryFolder(folder).Add(run)} (anchor {IO.Git.Short(run.AnchorCommit)})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"perf history: {folder}: cannot add the run: {e.Message}";
        }
    }

    /// <summary>Why this run is not a history point, or null when it is.</summary>
    internal static string? Skip(RunReport report, PerfOptions options, Func<string, string?> variable)
    {
        if (options.Mode != PerfMode.Gate)
            return $"mode is {options.Mode.ToString().ToLowerInvariant()}, only gate runs are history points";
        if (!string.IsNullOrEmpty(variable("GITHUB_HEAD_REF")))
            return "a pull-request run is never a history point";
        if (report.Branch != options.HistoryBranch)
            return $"the branch is {report.Branch ?? "unknown"}, not {options.HistoryBranch} (setting historyBranch)";
        if (report.Commit is null)
            return "the commit is unknown (set commit or PERF_COMMIT)";
        return null;
    }
}
