using System.CommandLine;
using System.Globalization;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Pairing;
using ActiveInference.PerfMonitor.Bisect;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>bisect --good &lt;commit&gt; --bad &lt;commit&gt; [--filter &lt;expr&gt;]</c>: finds the commits on the first-parent line
/// where benchmarks stepped by the threshold or more, measuring commits paired with the gate's rule (see <see
/// cref="BisectSearch"/>); prints the chain of measurements. Exit 0: found, or nothing to find; 2: could not run.
/// </summary>
internal sealed class BisectCommand(CliContext context)
{
    /// <summary>The <c>bisect</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var good = new Option<string>("--good") { Description = "A commit before the step (as fast as it should be)", Required = true };
        var bad = new Option<string>("--bad") { Description = "A later commit on its first-parent line, after the step", Required = true };
        var filter = new Option<string?>("--filter") { Description = "dotnet test filter of the benchmarks to measure, e.g. \"FullyQualifiedName~FreeEnergy\"" };
        var project = new Option<string?>("--project") { Description = "The perf test project (default: the only project under perf-tests/)" };
        var threshold = new Option<double>("--threshold") { Description = "The smallest step to find (0.10 = 10%)", DefaultValueFactory = _ => PerfOptions.DefaultThreshold };
        var command = new Command("bisect", "Find the commits where benchmarks got slower or faster, measuring commits paired like the gate") { good, bad, filter, project, threshold };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
        {
            var root = RepositoryRoot.Find(context.WorkingDirectory) ?? context.WorkingDirectory;
            var projectPath = Project(root, p.GetValue(project));
            var measurer = new GatePairMeasurer(root, projectPath, Path.Combine(root, "perf.runsettings"), p.GetValue(filter), p.GetValue(threshold), context.Runner, context.Out);
            return new BisectCommand(context).Execute(root, p.GetValue(good)!, p.GetValue(bad)!, p.GetValue(threshold), measurer);
        }));
        return command;
    }

    /// <summary>Bisects good..bad in <paramref name="root"/> with <paramref name="measurer"/>; returns the exit code.</summary>
    public int Execute(string root, string good, string bad, double threshold, IPairMeasurer measurer)
    {
        if (!(threshold > 0 && double.IsFinite(threshold)))
            throw new MonitorException($"--threshold {threshold.ToString(CultureInfo.InvariantCulture)} must be a positive fraction (0.10 = 10%)");
        var commits = FirstParentLine(root, Resolve(root, good, "--good"), Resolve(root, bad, "--bad"));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bisect: {commits.Count - 1} commit(s) on the first-parent line from {Git.Short(commits[0])} (good) to {Git.Short(commits[^1])} (bad); steps of {Readable.Percent(threshold)} or more"));
        BisectOutcome outcome;
        try
        {
            outcome = new BisectSearch(measurer, threshold, context.Out).Run(commits);
        }
        catch (UnbuildableCommitException error)
        {
            throw new MonitorException($"{error.Message}: an end of the range must build; choose another --good or --bad");
        }

        var output = context.Out;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Paired measurements ({outcome.Measurements.Count}):"));
        foreach (var m in outcome.Measurements)
            output.WriteLine($"  {Git.Short(m.Current)} beside {Git.Short(m.Baseline)}: " + string.Join("; ", m.Benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {BisectSearch.Describe(b.Value)}")));
        foreach (var skipped in outcome.Skipped)
            output.WriteLine($"Skipped (does not build): {Git.Short(skipped.Commit)}: {skipped.Reason}");
        if (outcome.Steps.Count == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No step of {Readable.Percent(threshold)} or more between {Git.Short(commits[0])} and {Git.Short(commits[^1])}: nothing to find."));
            return ExitCodes.Clean;
        }

        foreach (var step in outcome.Steps)
        {
            var where = step.Narrowed
                ? $"first at {Git.Short(step.FirstAfter)} \"{Subject(root, step.FirstAfter)}\" (parent {Git.Short(step.LastBefore)})"
                : $"somewhere in {Git.Short(step.LastBefore)}..{Git.Short(step.FirstAfter)} (the commits between do not build)";
            output.WriteLine($"Step: {step.Benchmark} {BisectSearch.Describe(step.Change)}, {where}");
        }

        return ExitCodes.Clean;
    }

    private static string Resolve(string root, string commitish, string option)
    {
        if (PerfOptionsLoader.BaselineRefProblem(commitish) is { } problem)
            throw new MonitorException($"{option} {problem}");
        var resolved = Git.Run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", commitish + "^{commit}");
        return resolved.Succeeded
            ? resolved.Output
            : throw new MonitorException($"{option} {commitish}: no such commit in {root} (missing from the clone? fetch the history, e.g. git fetch --unshallow or fetch-depth: 0)");
    }

    /// <summary>good, then every commit on bad's first-parent line after it, bad last.</summary>
    private static List<string> FirstParentLine(string root, string good, string bad)
    {
        if (good == bad)
            throw new MonitorException("--good and --bad are the same commit: there is no range to bisect");
        var list = Git.Run(root, TimeSpan.FromMinutes(1), "rev-list", "--first-parent", "--reverse", $"{good}..{bad}");
        if (!list.Succeeded)
            throw new MonitorException($"git rev-list failed: {list.Error}");
        var commits = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var parent = commits.Count == 0 ? null : Git.Run(root, "rev-parse", "--verify", "--quiet", commits[0] + "^1");
        if (commits.Count == 0 || parent is null || !parent.Succeeded || parent.Output != good)
            throw new MonitorException($"--good {Git.Short(good)} is not on the first-parent line of --bad {Git.Short(bad)} (is it older, and on main?)");
        return [good, .. commits];
    }

    private static string Subject(string root, string commit) =>
        Git.Run(root, "log", "-1", "--format=%s", commit) is { Succeeded: true } log ? log.Output : "";

    private static string Project(string root, string? given)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(Path.Combine(root, given));
            return File.Exists(full) ? Path.GetRelativePath(root, full) : throw new MonitorException($"--project {given}: no such project file");
        }

        var folder = Path.Combine(root, "perf-tests");
        var found = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj", SearchOption.AllDirectories) : [];
        return found.Length == 1
            ? Path.GetRelativePath(root, found[0])
            : throw new MonitorException($"found {found.Length} perf test projects under {folder}; name one with --project");
    }
}
