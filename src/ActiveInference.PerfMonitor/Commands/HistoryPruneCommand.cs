using System.CommandLine;
using System.Globalization;
using ActiveInference.Benchmarking.History;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>history prune --history &lt;folder&gt; [--max-runs N] [--dry-run]</c>: keeps a history folder at most N run files
/// (<see cref="HistoryPruning"/>: the newest runs, both sides of every step and the first run stay; older runs thin out
/// evenly), so 10,000 main-branch runs cost what N do.
/// </summary>
internal sealed class HistoryPruneCommand(CliContext context)
{
    /// <summary>Run files kept when <c>--max-runs</c> is not given.</summary>
    public const int DefaultMaxRuns = 1000;

    /// <summary>The <c>prune</c> subcommand of <c>history</c>.</summary>
    public static Command Create(CliContext context)
    {
        var history = new Option<string?>("--history") { Description = "History folder (default: PERF_HISTORY_FOLDER)" };
        var maxRuns = new Option<int?>("--max-runs")
        {
            Description = $"Most run files to keep (default {DefaultMaxRuns})",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= HistoryPruning.MinimumRuns)
                    return value;
                r.AddError($"--max-runs '{text}' must be a whole number of at least {HistoryPruning.MinimumRuns}");
                return null;
            },
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be removed; remove nothing" };
        var command = new Command("prune", "Keep the history folder bounded: at most --max-runs run files, steps and the newest runs kept, older runs thinned") { history, maxRuns, dryRun };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new HistoryPruneCommand(context).Prune(
                p.GetValue(history) ?? context.Variable("PERF_HISTORY_FOLDER") ?? throw new MonitorException("history prune needs the history folder: pass --history <folder> or set PERF_HISTORY_FOLDER"),
                p.GetValue(maxRuns) ?? DefaultMaxRuns,
                p.GetValue(dryRun))));
        return command;
    }

    /// <summary>Removes (or with <paramref name="dryRun"/> lists) the runs beyond the budget; returns the exit code.</summary>
    public int Prune(string folderPath, int maxRuns, bool dryRun)
    {
        var folder = new HistoryFolder(context.FullPath(folderPath));
        var contents = folder.Read();
        foreach (var problem in contents.Problems)
            context.Error.WriteLine($"{MonitorCommandLine.Name}: warning: {problem} (never pruned)");
        var plan = HistoryPruning.Plan(contents, maxRuns);
        if (plan.Remove.Count == 0)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder.Path}: {contents.Runs.Count} run(s), within --max-runs {maxRuns}; nothing to prune."));
            return ExitCodes.Clean;
        }

        if (dryRun)
        {
            foreach (var file in plan.Remove)
                context.Out.WriteLine($"would remove {file}");
        }

        var removed = dryRun ? plan.Remove.Count : folder.Remove(plan.Remove);
        var over = plan.Kept > maxRuns ? string.Create(CultureInfo.InvariantCulture, $" ({plan.Protected} are kept whatever the budget: the first run, anchor runs and both sides of every step)") : "";
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{folder.Path}: {(dryRun ? "would remove" : "removed")} {removed} of {contents.Runs.Count} run(s); {plan.Kept} kept{over}."));
        return ExitCodes.Clean;
    }
}
