using System.CommandLine;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>report</c>: regenerates results.json/csv/txt, performance_report.md and the distribution charts from a
/// results file (against the baseline samples of a baselines.json when one is given).
/// </summary>
internal sealed class ReportCommand(CliContext context)
{
    /// <summary>The <c>report</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var results = new Argument<string>("results") { Description = "results.json to report on" };
        var outputDir = new Option<string?>("--output-dir") { Description = "Directory for the reports (default: the results file's directory)" };
        var baselines = new Option<string?>("--baselines") { Description = "baselines.json whose samples the distribution charts draw next to the run's" };
        var command = new Command("report", "Regenerate the four reports and the distribution charts from a results file") { results, outputDir, baselines };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new ReportCommand(context).Execute(p.GetValue(results)!, p.GetValue(outputDir), p.GetValue(baselines))));
        return command;
    }

    /// <summary>Writes the reports; returns 0, or 2 when an exporter failed (the others still ran).</summary>
    public int Execute(string resultsPath, string? outputDirectory, string? baselinesPath)
    {
        var run = ResultsInput.Read(context, resultsPath);
        var directory = outputDirectory is null ? Path.GetDirectoryName(context.FullPath(resultsPath))! : context.FullPath(outputDirectory);
        var samples = BaselineSamples(run, baselinesPath);
        return Export(context, run, directory, samples);
    }

    /// <summary>Runs the standard exporters and the distribution charts into <paramref name="directory"/>; lists the files.</summary>
    internal static int Export(CliContext context, RunReport run, string directory, IReadOnlyDictionary<string, IReadOnlyList<double>>? baselineSamples)
    {
        var outcome = CompositeExporter.Standard(new DistributionChartExporter(baselineSamples, ChartFormat.Png)).ExportAll(run, directory);
        context.Out.WriteLine($"Wrote {outcome.Files.Count} file(s) to {directory}");
        foreach (var failure in outcome.Failures)
            context.Error.WriteLine($"{MonitorCommandLine.Name}: error: {failure}");
        return outcome.Succeeded ? ExitCodes.Clean : ExitCodes.Error;
    }

    private Dictionary<string, IReadOnlyList<double>>? BaselineSamples(RunReport run, string? baselinesPath)
    {
        if (baselinesPath is null)
            return null;
        var loaded = new BaselineStore().Load(context.FullPath(baselinesPath));
        var document = loaded.Document ?? throw new MonitorException(loaded.Error ?? $"{loaded.Path}: file not found");
        var samples = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var result in run.Results.Select(r => r.Measured))
            if (document.Find(run.MachineProfileId, result.FullName) is { } baseline)
                samples[result.FullName] = baseline.Latest.Samples;
        return samples;
    }
}
