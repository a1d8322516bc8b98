using ActiveInference.Benchmarking.IO;
using System.Globalization;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.History;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>history [benchmark] --history &lt;folder&gt;</c>: the anchored series of a history folder (ratios to the first
/// anchor, never raw time) and their steps; skipped files and unlinked anchors are named on stderr.
/// </summary>
internal sealed class AnchoredHistoryView(CliContext context)
{
    /// <summary>Prints the listing, or one benchmark's series and steps; returns the exit code.</summary>
    /// <param name="folderPath">The history folder.</param>
    /// <param name="benchmark">A benchmark's full name or unique ending; null lists them all.</param>
    /// <param name="indexPath">A SQLite database to rebuild the folder's local index in, or null.</param>
    public int Show(string folderPath, string? benchmark, string? indexPath = null)
    {
        var folder = new HistoryFolder(context.FullPath(folderPath));
        var contents = folder.Read();
        foreach (var problem in contents.Problems)
            context.Error.WriteLine($"{MonitorCommandLine.Name}: warning: {problem}");
        if (indexPath is not null)
        {
            var store = new HistoryStore(context.FullPath(indexPath));
            context.Error.WriteLine($"{MonitorCommandLine.Name}: indexed {store.IndexFolder(contents)} file(s) of {folder.Path} into {store.Path}");
        }
        var all = AnchoredHistory.Build(contents);
        if (benchmark is null)
        {
            List(contents, all);
            return ExitCodes.Clean;
        }

        var name = BenchmarkName.Resolve(benchmark, all.Select(s => s.FullName).ToArray(), folder.Path);
        Series(all.Single(s => s.FullName == name));
        return ExitCodes.Clean;
    }

    private void List(HistoryFolderContents contents, IReadOnlyList<AnchoredSeries> all)
    {
        var output = context.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{contents.Runs.Count} run(s), {contents.Links.Count} anchor link(s); ratios are times ÷ each series' first anchor (1.000 = as fast as that commit)."));
        if (all.Count == 0)
        {
            output.WriteLine("No benchmark was measured beside an anchor yet.");
            return;
        }

        foreach (var problem in all.SelectMany(s => s.Problems))
            context.Error.WriteLine($"{MonitorCommandLine.Name}: warning: {problem}");
        var rows = all.Select(s =>
        {
            var last = s.Points[^1];
            var step = s.Steps.Count == 0 ? "-" : Describe(s.Steps[^1]);
            return new[] { SummaryTable.ReportTextLine(s.FullName), Ratio(last), s.Points.Count.ToString(CultureInfo.InvariantCulture), Git.Short(s.Anchor), Git.Short(last.Commit), step };
        }).ToList();
        TextTable.Write(output, ["Benchmark", "Latest ratio [interval]", "Runs", "Anchor", "Latest commit", "Last step"], rows, rightAligned: [2]);
    }

    private void Series(AnchoredSeries series)
    {
        var output = context.Out;
        output.WriteLine($"{SummaryTable.ReportTextLine(series.FullName)}: ratios to anchor {Git.Short(series.Anchor)} (1.000 = as fast as that commit); raw medians include the machine's speed");
        foreach (var problem in series.Problems)
            context.Error.WriteLine($"{MonitorCommandLine.Name}: warning: {problem}");
        var starts = series.Steps.Select(s => s.Index).ToHashSet();
        var rows = series.Points.Select((p, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), p.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Git.Short(p.Commit), Ratio(p),
            p.NoiseFloor is { } f ? Readable.Spread(f) : "-",
            p.Unchanged ? "unchanged" : string.Create(CultureInfo.InvariantCulture, $"{p.Processes} × {p.CopiesPerSide}"),
            p.MeasuredAgainst == series.Anchor ? Git.Short(p.MeasuredAgainst) : $"{Git.Short(p.MeasuredAgainst)} (linked)",
            p.Verdict.ToString(),
            p.RawAnchorMedianNanoseconds is { } a && p.RawCurrentMedianNanoseconds is { } c ? $"{Readable.Time(a)} -> {Readable.Time(c)}" : p.RawCurrentMedianNanoseconds is { } only ? Readable.Time(only) : "-",
            p.BytesPerOperation is { } b ? b.ToString("0.#", CultureInfo.InvariantCulture) : "-",
            starts.Contains(i) ? "<- step" : "",
        }).ToList();
        TextTable.Write(output, ["#", "Date (UTC)", "Commit", "Ratio [interval]", "Floor", "Processes × copies", "Against", "Verdict", "Raw medians (anchor -> run)", "Bytes/op", ""], rows, rightAligned: [0, 3, 4, 9]);
        output.WriteLine();
        var effect = Readable.Percent(series.Threshold);
        if (series.Steps.Count == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No step of {effect} or more in {series.Points.Count} run(s)."));
            return;
        }

        output.WriteLine($"Steps (ED-PELT on ln ratio, minimum effect {effect}):");
        foreach (var step in series.Steps)
        {
            output.WriteLine($"  {Describe(step)}{(step.IsRegression(series.Threshold) ? " regression; bisect: " + step.BisectCommand(series.FullName) : "")}");
        }
    }

    /// <summary>e.g. <c>1a2b3c4..5d6e7f8 ×1.200 (+20.0%)</c>.</summary>
    internal static string Describe(Step step) =>
        string.Create(CultureInfo.InvariantCulture, $"{Git.Short(step.LastBefore)}..{Git.Short(step.FirstAfter)} ×{step.Factor:0.000} ({Readable.Change(step.Factor)})");

    private static string Ratio(AnchoredPoint p) => p.Lower is { } l && p.Upper is { } u
        ? string.Create(CultureInfo.InvariantCulture, $"{p.Ratio:0.000} [{l:0.000}, {u:0.000}]")
        : string.Create(CultureInfo.InvariantCulture, $"{p.Ratio:0.000}");
}
