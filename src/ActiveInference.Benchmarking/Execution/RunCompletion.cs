using System.Globalization;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// At run end: exports the report, appends it to the history and the GitHub job summary, and says on the console when a
/// gate run compared nothing; failures are reported, never thrown.
/// </summary>
internal static class RunCompletion
{
    /// <summary>Writes the run's reports for <paramref name="suiteName"/>; returns the files written.</summary>
    /// <param name="session">The run.</param>
    /// <param name="suiteName">The perf assembly's name or path.</param>
    /// <param name="console">
    /// Where problems and the uncompared-run lines go: the test host's stderr, which <c>dotnet test</c> shows at every
    /// verbosity (NUnit's progress stream it shows only from verbosity normal on).
    /// </param>
    public static IReadOnlyList<string> Write(PerfSession session, string suiteName, TextWriter console)
    {
        var options = session.Options!;
        var results = session.Results;
        // A shard whose benchmarks all belong to other shards still writes its (empty) results, so its job and the merge see it ran.
        if (results.Count == 0 && options.Shard is null) return [];
        var report = new RunReport
        {
            Suite = Path.GetFileNameWithoutExtension(suiteName),
            Timestamp = DateTimeOffset.UtcNow,
            Config = new Dictionary<string, string>
            {
                ["mode"] = options.Mode.ToString().ToLowerInvariant(),
                ["threshold"] = options.Threshold.ToString(CultureInfo.InvariantCulture),
                ["baseline_path"] = options.BaselinePath,
                ["inconclusive_as_failure"] = options.InconclusiveAsFailure ? "true" : "false",
            },
            MachineProfileId = session.Profile.Id,
            MachineProfileDescription = session.Profile.Description,
            Commit = session.Commit,
            Branch = session.Branch,
            Results = [.. results],
        };

        var messages = UncomparedRun.Of(report)?.Lines("perf", UncomparedRun.RecordCommand).ToList() ?? [];
        var history = new HistoryStore(options.HistoryPath);
        try
        {
            if (results.Count > 0) history.Append(report);
        }
        catch (Exception e) when (e is HistoryStoreException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            messages.Add($"perf history: {options.HistoryPath}: {e.Message}");
        }
        if (HistoryRecorder.Record(report, options, Path.GetDirectoryName(options.BaselinePath)!, Environment.GetEnvironmentVariable) is { } recorded) messages.Add(recorded);
        var exporters = CompositeExporter.Standard(
            new DistributionChartExporter(session.BaselineSamples(), ChartFormat.Png),
            new TrendChartExporter(history, new TrendAnalyser(EdPelt.Instance), ChartFormat.Png));
        var outcome = exporters.ExportAll(report, options.ResultsDirectory);
        messages.AddRange(outcome.Failures.Select(f => $"perf report: {f}"));
        AppendStepSummary(options.ResultsDirectory, messages);
        foreach (var message in messages) console.WriteLine(message);
        return outcome.Files;
    }

    private static void AppendStepSummary(string resultsDirectory, List<string> messages)
    {
        var summary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        var markdown = Path.Combine(resultsDirectory, MarkdownReportExporter.DefaultFileName);
        if (string.IsNullOrEmpty(summary) || !File.Exists(markdown)) return;
        try { File.AppendAllText(summary, File.ReadAllText(markdown) + Environment.NewLine); }
        catch (IOException e) { messages.Add($"GITHUB_STEP_SUMMARY: {e.Message}"); }
    }
}
