using System.CommandLine;
using System.Globalization;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>history [benchmark] --history &lt;folder&gt;</c>: the anchored series of a history folder and their steps (see <see
/// cref="AnchoredHistoryView"/>). Without a folder, <c>history [benchmark]</c>: from the SQLite history, labelled raw, one benchmark's runs (date, commit, median, verdict, and how
/// the verdict was measured: the change with its interval, the noise floor, the baseline and method) with the points
/// where its level changed (ED-PELT); without a benchmark, every benchmark with its latest median, number of runs and
/// latest baseline. Never creates a database (an older one is migrated when opened).
/// </summary>
internal sealed class HistoryCommand(CliContext context)
{
    /// <summary>The <c>history</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var benchmark = new Argument<string?>("benchmark") { Description = "Full name (or its unique ending) of a benchmark; omit to list all", Arity = ArgumentArity.ZeroOrOne };
        var db = new Option<string?>("--db") { Description = "History database; with --history, the local index rebuilt from the folder (default: PERF_HISTORY_PATH, else perf-history.db in PERF_RESULTS_DIRECTORY, default TestResults/perf at the repository root)" };
        var profile = new Option<string?>("--profile") { Description = "Only runs on this machine profile id" };
        var history = new Option<string?>("--history") { Description = "History folder (default: PERF_HISTORY_FOLDER): the series as ratios to the anchor, with their steps" };
        var command = new Command("history", "Show a benchmark's series and steps (ratios to the anchor, from --history), or list the benchmarks") { benchmark, db, profile, history, HistoryPruneCommand.Create(context) };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
        {
            var folder = p.GetValue(history) ?? (p.GetValue(db) is null ? context.Variable("PERF_HISTORY_FOLDER") : null);
            return folder is not null
                ? new AnchoredHistoryView(context).Show(folder, p.GetValue(benchmark), p.GetValue(db))
                : new HistoryCommand(context).Execute(p.GetValue(benchmark), p.GetValue(db), p.GetValue(profile));
        }));
        return command;
    }

    /// <summary>Prints the listing or the trend; returns the exit code.</summary>
    public int Execute(string? benchmark, string? databasePath, string? profile)
    {
        var path = DatabasePath(databasePath);
        if (!File.Exists(path))
            throw new MonitorException($"{path}: no history database there (a perf run creates it; or pass --db)");
        var store = new HistoryStore(path);
        var names = store.Benchmarks(profile);
        if (benchmark is null)
            return List(store, names, profile);
        var fullName = BenchmarkName.Resolve(benchmark, names, path + (profile is null ? "" : $" (profile {profile})"));
        var trend = new TrendAnalyser(EdPelt.Instance).Analyse(fullName, store.Series(fullName, profile));
        Trend(trend);
        return ExitCodes.Clean;
    }

    private int List(HistoryStore store, IReadOnlyList<string> names, string? profile)
    {
        if (names.Count == 0)
        {
            context.Out.WriteLine($"No benchmarks recorded{(profile is null ? "" : $" on profile {profile}")}.");
            return ExitCodes.Clean;
        }
        var rows = names.Select(name =>
        {
            var series = store.Series(name, profile);
            var last = series[^1];
            return new[]
            {
                SummaryTable.ReportTextLine(name), Readable.Time(last.MedianNanoseconds), series.Count.ToString(CultureInfo.InvariantCulture), Date(last.Timestamp),
                last.Verdict?.ToString() ?? "-", Against(last.Comparison),
            };
        }).ToList();
        WriteTable(["Benchmark", "Latest raw median", "Runs", "Latest run (UTC)", "Latest verdict", "Against"], rows, rightAligned: [1, 2]);
        return ExitCodes.Clean;
    }

    private void Trend(BenchmarkTrend trend)
    {
        var output = context.Out;
        output.WriteLine(SummaryTable.ReportTextLine(trend.FullName));
        if (trend.Points.Count == 0)
        {
            output.WriteLine("No run with a finite median.");
            return;
        }
        var changes = trend.ChangePoints.ToHashSet();
        var rows = trend.Points.Select((p, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), Date(p.Timestamp), Short(p.Commit), Readable.Time(p.MedianNanoseconds),
            (p.Verdict?.ToString() ?? "-") + (p.IsTrustworthy ? "" : " (untrusted)"), Change(p), ComparisonText.NoiseFloor(p.Comparison?.NoiseFloor), Against(p.Comparison),
            changes.Contains(i) ? "<- level change" : "",
        }).ToList();
        WriteTable(["#", "Date (UTC)", "Commit", "Raw median", "Verdict", "Change [interval]", "Noise floor", "Against", ""], rows, rightAligned: [0, 3, 5, 6]);
        output.WriteLine();
        if (trend.ChangePoints.Count == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No change points in {trend.Points.Count} run(s)."));
            return;
        }
        output.WriteLine("Change points (ED-PELT over the raw medians: the machine's speed is in them; for steps in ratios to the anchor use --history <folder>):");
        var bounds = new[] { 0 }.Concat(trend.ChangePoints).Append(trend.Points.Count).ToArray();
        for (var k = 1; k < bounds.Length - 1; k++)
        {
            var before = Median(trend.Points, bounds[k - 1], bounds[k]);
            var after = Median(trend.Points, bounds[k], bounds[k + 1]);
            var at = trend.Points[bounds[k]];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  from run #{bounds[k] + 1} ({Date(at.Timestamp)}, commit {Short(at.Commit)}): raw median {Readable.Time(before)} -> {Readable.Time(after)} ({Readable.Change(after / before)})"));
        }
    }

    private static double Median(IReadOnlyList<HistoryPoint> points, int from, int to) =>
        Quantile.Median(points.Skip(from).Take(to - from).Select(p => p.MedianNanoseconds));

    private string DatabasePath(string? given)
    {
        if (given is not null)
            return context.FullPath(given);
        var root = RepositoryRoot.Find(context.WorkingDirectory) ?? context.WorkingDirectory;
        if (context.Variable("PERF_HISTORY_PATH") is { } configured)
            return Path.GetFullPath(Path.Combine(root, configured));
        var results = context.Variable("PERF_RESULTS_DIRECTORY") is { } directory ? Path.Combine(root, directory) : Path.Combine(root, "TestResults", "perf");
        return Path.GetFullPath(Path.Combine(results, "perf-history.db"));
    }

    /// <summary>The verdict's change with its interval when stored, e.g. <c>+23.4% [+18.0%, +29.0%]</c>; <c>-</c> without one.</summary>
    private static string Change(HistoryPoint point) => ComparisonText.Change(point.Ratio, point.Comparison?.RatioInterval);

    private static string Against(HistoryComparison? comparison) =>
        comparison is null ? "-" : SummaryTable.Against(comparison.Method, comparison.Baseline, comparison.Processes, comparison.CopiesPerSide);

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Short(string? commit) => commit is null ? "-" : commit.Length > 10 ? commit[..10] : commit;

    private void WriteTable(string[] headers, List<string[]> rows, int[] rightAligned)
    {
        var widths = headers.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
        Write(headers);
        Write(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
            Write(row);

        void Write(string[] cells) => context.Out.WriteLine(string.Join("  ",
            cells.Select((cell, c) => rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
    }
}
