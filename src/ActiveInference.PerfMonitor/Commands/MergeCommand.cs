using System.CommandLine;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>merge</c>: combines the results files of the shards of one run into one set of reports and one verdict;
/// exits 1 when any shard's benchmark regressed, 2 on a duplicate benchmark, an unreadable file, or a gate run none of
/// whose shards compared a benchmark.
/// </summary>
internal sealed class MergeCommand(CliContext context)
{
    /// <summary>The <c>merge</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("results") { Description = "The shards' results.json files", Arity = ArgumentArity.OneOrMore };
        var outputDir = new Option<string>("--output-dir") { Description = "Directory for the merged reports", Required = true };
        var command = new Command("merge", "Combine shard results into one report and one verdict; exit 1 on regression") { files, outputDir };
        command.SetAction(p => MonitorCommandLine.Guard(context, () => new MergeCommand(context).Execute(p.GetValue(files)!, p.GetValue(outputDir)!)));
        return command;
    }

    /// <summary>Merges; returns the exit code.</summary>
    public int Execute(IReadOnlyList<string> resultsPaths, string outputDirectory)
    {
        var shards = resultsPaths.Select(p => (context.FullPath(p), ResultsInput.Read(context, p))).ToArray();
        var warnings = new List<string>();
        var merged = ShardMerge.Combine(shards, warnings);
        foreach (var warning in warnings)
            context.Error.WriteLine($"{MonitorCommandLine.Name}: warning: {warning}");
        context.Out.WriteLine($"Merged {shards.Length} shard(s), {merged.Results.Count} benchmarks");
        var exported = ReportCommand.Export(context, merged, context.FullPath(outputDirectory), null);
        context.Out.WriteLine();
        SummaryTable.Write(context.Out, merged.OrderedResults());
        StepSummary.Append(context, ResultsInput.Markdown(merged));
        var regressions = merged.Regressions();
        if (regressions.Count > 0)
        {
            context.Error.WriteLine($"{MonitorCommandLine.Name}: {regressions.Count} regression(s): {string.Join(", ", regressions.Select(r => r.Measured.Name))}");
            return ExitCodes.Regression;
        }
        return RunCommand.Uncompared(merged, context.Error) ? ExitCodes.Error : exported;
    }
}
