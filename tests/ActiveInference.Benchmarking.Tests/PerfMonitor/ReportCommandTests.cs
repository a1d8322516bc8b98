using ActiveInference.Benchmarking.Gate;
using ActiveInference.PerfMonitor;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.PerfMonitor.MonitorSamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class ReportCommandTests
{
    [Test]
    public void RegeneratesTheFourReportsAndTheDistributionCharts()
    {
        using var samples = new MonitorSamples();
        samples.WriteResults("run/results.json", Run(Result("Update(10)", 1000, Verdict.Passed), Result("FreeEnergy(10)", 2000, Verdict.Passed)));
        samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 990)));
        var outcome = samples.Invoke("report", "run/results.json", "--output-dir", "again", "--baselines", "baselines.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        foreach (var file in new[] { "results.json", "results.csv", "results.txt", "performance_report.md" })
            Assert.That(File.Exists(samples.PathOf("again/" + file)), file);
        Assert.That(Directory.GetFiles(samples.PathOf("again/charts"), "distribution*.png"), Has.Length.EqualTo(2));
        Assert.That(File.ReadAllText(samples.PathOf("again/results.json")), Is.EqualTo(File.ReadAllText(samples.PathOf("run/results.json"))));
    }
}
