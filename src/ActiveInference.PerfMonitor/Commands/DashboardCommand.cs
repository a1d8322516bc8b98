using System.CommandLine;
using ActiveInference.Benchmarking.History;
using ActiveInference.PerfMonitor.Dashboard;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary><c>dashboard --history &lt;folder&gt; --output &lt;site&gt;</c>: writes the static dashboard of a history folder (see <see cref="DashboardSite"/>).</summary>
internal sealed class DashboardCommand(CliContext context)
{
    /// <summary>The <c>dashboard</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var history = new Option<string?>("--history") { Description = "History folder (default: PERF_HISTORY_FOLDER)" };
        var output = new Option<string>("--output") { Description = "Folder of the site (created; its files are replaced)", Required = true };
        var commitUrl = new Option<string?>("--commit-url") { Description = "Link of a commit, with {commit} for the hash (default on GitHub Actions: the repository's commit page)" };
        var command = new Command("dashboard", "Write the static dashboard (index, a page per benchmark, regressions, Atom feed) of a history folder") { history, output, commitUrl };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new DashboardCommand(context).Execute(p.GetValue(history), p.GetValue(output)!, p.GetValue(commitUrl))));
        return command;
    }

    /// <summary>Builds the site; returns the exit code.</summary>
    public int Execute(string? historyPath, string outputPath, string? commitUrl)
    {
        var folderPath = historyPath ?? context.Variable("PERF_HISTORY_FOLDER")
            ?? throw new MonitorException("no history folder: pass --history <folder> or set PERF_HISTORY_FOLDER");
        var links = CommitLinks.From(commitUrl, context);
        var folder = new HistoryFolder(context.FullPath(folderPath));
        context.Out.WriteLine($"Reading {folder.Path} ...");
        var contents = folder.Read();
        foreach (var problem in contents.Problems)
            context.Error.WriteLine($"{MonitorCommandLine.Name}: warning: {problem}");
        var series = AnchoredHistory.Build(contents);
        var site = new DashboardSite(series, contents, links);
        var output = context.FullPath(outputPath);
        var files = site.Write(output);
        context.Out.WriteLine($"{contents.Runs.Count} run(s), {series.Count} benchmark(s), {site.Alerts().Count} regression step(s): wrote {files.Count} file(s) to {output} (open index.html)");
        return ExitCodes.Clean;
    }
}
