using System.Globalization;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>At run end: exports the report, appends it to the history and the GitHub job summary; failures are reported, never thrown.</summary>
internal static class RunCompletion
{
    public static IReadOnlyList<string> Write(PerfSession session, string suiteName)
    {
        var options = session.Options!;
        var results = session.Results;
        if (results.Count == 0) return [];
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

        var messages = new List<string>();
        var history = new HistoryStore(options.HistoryPath);
        try
        {
            history.Append(report);
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
        foreach (var message in messages) Console.Error.WriteLine(message);
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
