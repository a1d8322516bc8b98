using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class ChartExporterTests : TemporaryFolderTest
{
    [Test]
    public void DistributionChartsAreWrittenPerBenchmarkIntoCharts()
    {
        var report = SampleRun.Create();
        var baseline = new Dictionary<string, IReadOnlyList<double>> { [report.Results[0].Measured.FullName] = [1.0, 2.0, 3.0] };

        var files = new DistributionChartExporter(baseline, ChartFormat.Svg, 400, 300).Export(report, Folder);

        Assert.That(files, Has.Count.EqualTo(3));
        Assert.That(files.Select(Path.GetFileName), Is.EquivalentTo(report.Results.Select(r => ChartFileName.For("distribution", r.Measured.FullName, ChartFormat.Svg))));
        Assert.That(files.All(f => Path.GetDirectoryName(f) == Path.Combine(Folder, "charts")), Is.True);
        foreach (var file in files)
        {
            ImageAssert.IsSvg(File.ReadAllBytes(file), 400, 300);
        }
    }

    [Test]
    public void TrendChartsNeedTwoRunsOfHistory()
    {
        var history = new HistoryStore(Path.Combine(Folder, "history.db"));
        var exporter = new TrendChartExporter(history, new TrendAnalyser(new NoChange()), ChartFormat.Png, 500, 300);
        var report = SampleRun.Create();
        history.Append(report);

        Assert.That(exporter.Export(report, Folder), Is.Empty, "one run is not a trend");

        history.Append(report with { Timestamp = report.Timestamp.AddDays(1) });
        var files = exporter.Export(report, Folder);

        Assert.That(files, Has.Count.EqualTo(3));
        foreach (var file in files)
        {
            ImageAssert.IsPng(File.ReadAllBytes(file), 500, 300);
        }
    }

    [Test]
    public void TrendChartsUseOnlyTheRunsMachineProfile()
    {
        var history = new HistoryStore(Path.Combine(Folder, "history.db"));
        var report = SampleRun.Create();
        history.Append(report);
        history.Append(report with { Timestamp = report.Timestamp.AddDays(1), MachineProfileId = "other" });

        var files = new TrendChartExporter(history, new TrendAnalyser(new NoChange())).Export(report, Folder);

        Assert.That(files, Is.Empty);
    }

    [Test]
    public void AFailingChartDoesNotStopTheOthersAndIsReported()
    {
        var history = new HistoryStore(Path.Combine(Folder, "history.db"));
        var report = SampleRun.Create();
        history.Append(report);
        history.Append(report with { Timestamp = report.Timestamp.AddDays(1) });
        var composite = new CompositeExporter(new TrendChartExporter(history, new TrendAnalyser(new Broken())), new ResultsJsonExporter());

        var outcome = composite.ExportAll(report, Folder);

        Assert.That(outcome.Failures, Has.Count.EqualTo(1));
        Assert.That(outcome.Failures[0].Error.Message, Does.Contain("3 trend chart(s) failed (0 written)"));
        Assert.That(outcome.Files.Select(Path.GetFileName), Is.EqualTo(new[] { "results.json" }));
    }

    private sealed class NoChange : IChangePointDetector
    {
        public int[] Detect(IReadOnlyList<double> series, int minDistance) => [];
    }

    private sealed class Broken : IChangePointDetector
    {
        public int[] Detect(IReadOnlyList<double> series, int minDistance) => [99];
    }
}
