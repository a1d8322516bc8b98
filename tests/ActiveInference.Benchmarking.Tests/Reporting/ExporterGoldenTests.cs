using System.Globalization;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

internal class ExporterGoldenTests
{
    private static IEnumerable<TestCaseData> Exporters()
    {
        yield return new TestCaseData(new ResultsJsonExporter()).SetArgDisplayNames("json");
        yield return new TestCaseData(new ResultsCsvExporter()).SetArgDisplayNames("csv");
        yield return new TestCaseData(new ResultsTextExporter()).SetArgDisplayNames("txt");
        yield return new TestCaseData(new MarkdownReportExporter()).SetArgDisplayNames("md");
    }

    [TestCaseSource(nameof(Exporters))]
    public void OutputMatchesGoldenFile(TextExporter exporter)
    {
        GoldenFile.Verify(exporter.FileName, exporter.ExportToString(SampleRun.Create()));
    }

    [TestCaseSource(nameof(Exporters))]
    public void OutputDoesNotDependOnTheCurrentCulture(TextExporter exporter)
    {
        var invariant = InCulture(CultureInfo.InvariantCulture, () => exporter.ExportToString(SampleRun.Create()));
        foreach (var name in new[] { "de-DE", "tr-TR", "ar-SA", "fr-FR" })
        {
            var output = InCulture(new CultureInfo(name), () => exporter.ExportToString(SampleRun.Create()));
            Assert.That(output, Is.EqualTo(invariant), $"culture {name}");
        }
    }

    [TestCaseSource(nameof(Exporters))]
    public void ResultsAreWrittenInSuiteThenFullNameOrder(TextExporter exporter)
    {
        var forward = exporter.ExportToString(SampleRun.Create(SampleRun.Default()));
        var reversed = exporter.ExportToString(SampleRun.Create(SampleRun.Default().Reverse().ToArray()));
        Assert.That(reversed, Is.EqualTo(forward));
    }

    [TestCaseSource(nameof(Exporters))]
    public void FileWrittenIntoTheDirectoryEqualsTheStringOutput(TextExporter exporter)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ai-perf-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = exporter.Export(SampleRun.Create(), directory);
            Assert.That(files, Is.EqualTo(new[] { Path.Combine(directory, exporter.FileName) }));
            Assert.That(File.ReadAllText(files[0]), Is.EqualTo(exporter.ExportToString(SampleRun.Create())));
            Assert.That(Directory.GetFiles(directory), Has.Length.EqualTo(1), "no temporary file left behind");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }
}
