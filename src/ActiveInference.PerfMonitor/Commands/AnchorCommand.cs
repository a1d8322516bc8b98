using ActiveInference.Benchmarking.IO;
using System.CommandLine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>anchor link --results &lt;results.json&gt; --history &lt;folder&gt;</c>: stores the link from an old anchor to a new
/// one, from a gate run of the new anchor's code paired with the old anchor (<c>PERF_BASELINE_REF=&lt;old&gt;</c> on a
/// checkout of the new one), so series keep their first anchor's units after baselines.json is re-recorded.
/// </summary>
internal sealed class AnchorCommand(CliContext context)
{
    /// <summary>The <c>anchor</c> command with its <c>link</c> subcommand.</summary>
    public static Command Create(CliContext context)
    {
        var results = new Option<string>("--results") { Description = "results.json of a gate run of the new anchor paired with the old one", Required = true };
        var history = new Option<string>("--history") { Description = "The history folder (anchors/ is created in it)", Required = true };
        var from = new Option<string?>("--from") { Description = "The old anchor: checked against the run's baseline commit" };
        var to = new Option<string?>("--to") { Description = "The new anchor: checked against the run's commit" };
        var link = new Command("link", "Store the ratio of a new anchor to the old one, measured by a paired gate run") { results, history, from, to };
        link.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new AnchorCommand(context).Link(p.GetValue(results)!, p.GetValue(history)!, p.GetValue(from), p.GetValue(to))));
        return new Command("anchor", "Anchor links of the history folder") { link };
    }

    /// <summary>Writes <c>anchors/&lt;new&gt;-&lt;old&gt;.json</c>; returns the exit code.</summary>
    public int Link(string resultsPath, string historyPath, string? from, string? to)
    {
        var path = context.FullPath(resultsPath);
        if (!File.Exists(path))
            throw new MonitorException($"{path}: no results file there (run the gate on a checkout of the new anchor with PERF_BASELINE_REF=<old anchor> first)");
        RunReport report;
        try
        {
            report = ResultsJsonReader.Read(path);
        }
        catch (ResultsFileException error)
        {
            throw new MonitorException(error.Message);
        }

        var run = AnchoredRunFactory.From(report, null)
            ?? throw new MonitorException($"{path}: no benchmark in it was paired with a baseline commit, so it links nothing (was it a gate run with PERF_BASELINE_REF=<old anchor>?)");
        if (run.Commit == run.AnchorCommit)
            throw new MonitorException($"{path}: the run measured commit {Git.Short(run.Commit)} against itself; run it on a checkout of the new anchor");
        Check(from, run.AnchorCommit, "--from", "baseline commit");
        Check(to, run.Commit, "--to", "commit");
        var written = new HistoryFolder(context.FullPath(historyPath)).AddLink(run);
        var linked = run.Benchmarks.Count(b => b.Ratio is not null);
        context.Out.WriteLine($"Linked anchor {Git.Short(run.Commit)} to {Git.Short(run.AnchorCommit)}: {linked} of {run.Benchmarks.Count} benchmark(s) measured; {written}");
        return ExitCodes.Clean;
    }

    private static void Check(string? expected, string actual, string option, string what)
    {
        if (expected is not null && !actual.StartsWith(expected, StringComparison.OrdinalIgnoreCase))
            throw new MonitorException($"{option} {expected} is not the run's {what} {Git.Short(actual)}");
    }
}
