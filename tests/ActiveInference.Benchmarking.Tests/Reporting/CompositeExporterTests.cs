using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class CompositeExporterTests : TemporaryFolderTest
{
    [Test]
    public void StandardWritesTheFourReports()
    {
        var outcome = CompositeExporter.Standard().ExportAll(SampleRun.Create(), Folder);
        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(outcome.Files.Select(Path.GetFileName), Is.EqualTo(new[] { "results.json", "results.csv", "results.txt", "performance_report.md" }));
        Assert.That(outcome.Files.All(File.Exists), Is.True);
    }

    [Test]
    public void AFailingExporterIsReportedAndTheOthersStillRun()
    {
        var composite = new CompositeExporter(new Throwing(), new ResultsJsonExporter(), new Throwing(), new ResultsCsvExporter());

        var outcome = composite.ExportAll(SampleRun.Create(), Folder);

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Failures.Select(f => f.ToString()), Is.EqualTo(new[] { "broken: IOException: disk full", "broken: IOException: disk full" }));
        Assert.That(outcome.Files.Select(Path.GetFileName), Is.EqualTo(new[] { "results.json", "results.csv" }));
        Assert.That(File.Exists(Path.Combine(Folder, "results.csv")), Is.True);
    }

    [Test]
    public void RejectsANullExporter()
    {
        Assert.Throws<ArgumentException>(() => _ = new CompositeExporter(new ResultsJsonExporter(), null!));
    }

    private sealed class Throwing : IExporter
    {
        public string Name => "broken";

        public IReadOnlyList<string> Export(RunReport report, string directory) => throw new IOException("disk full");
    }
}
