using System.Globalization;
using ActiveInference.PerfMonitor;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.PerfMonitor.MonitorSamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class CompareCommandTests
{
    private MonitorSamples _samples = null!;

    [SetUp]
    public void SetUp() => _samples = new MonitorSamples();

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void SameNumbersAreClean()
    {
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1000), Result("FreeEnergy(10)", 2000)));
        _samples.WriteResults("b/results.json", Run(Result("Update(10)", 1000), Result("FreeEnergy(10)", 2000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("Passed").And.Contain("2 benchmarks: 2 passed"));
    }

    [Test]
    public void ThirtyPercentSlowerThanAnotherResultsFileIsARegression()
    {
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1300), Result("FreeEnergy(10)", 2000)));
        _samples.WriteResults("b/results.json", Run(Result("Update(10)", 1000), Result("FreeEnergy(10)", 2000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Regression), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Regressed\s+Update\(10\) regressed \+30\.0%"));
        Assert.That(outcome.Out, Does.Contain("offline: no fresh process"));
        Assert.That(outcome.Error, Does.Contain("1 regression(s): Update(10)"));
    }

    [Test]
    public void ASuspectBelowThresholdTimesConfirmationFactorPasses()
    {
        // +11%: beyond the 10% threshold, so a suspect, but not beyond 12.5%, which stands in for the fresh process.
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1110)));
        _samples.WriteResults("b/results.json", Run(Result("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("a suspect not confirmed").And.Contain("12.5%"));
    }

    [Test]
    public void AHigherThresholdTurnsTheRegressionClean()
    {
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1300)));
        _samples.WriteResults("b/results.json", Run(Result("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json", "--threshold", "0.5");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
    }

    [Test]
    public void ComparesWithABaselinesFileToldApartByContent()
    {
        _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000), Result("FreeEnergy(10)", 2000), Result("Gone(1)", 5)));
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1300), Result("FreeEnergy(10)", 2000), Result("Brand(1)", 7)));
        var outcome = _samples.Invoke("compare", "a/results.json", "baselines.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Regression), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("baselines file"));
        Assert.That(outcome.Out, Does.Match(@"New\s+Brand\(1\)"));
        Assert.That(outcome.Out, Does.Match(@"Missing\s+ActiveInference.Core.PerfTests.Kernels.Gone\(1\)"));
        Assert.That(outcome.Out, Does.Match(@"Passed\s+FreeEnergy\(10\)"));
    }

    [Test]
    public void AnUnknownProfileInTheBaselinesIsAnError()
    {
        _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000)));
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "baselines.json", "--profile", "nope");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("no such profile"));
    }

    [Test]
    public void ABaselineFileOfNeitherKindIsAnError()
    {
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1000)));
        File.WriteAllText(_samples.PathOf("other.json"), "{\"hello\": 1}");
        var outcome = _samples.Invoke("compare", "a/results.json", "other.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("neither a results.json"));
    }

    [Test]
    public void AppendsTheMarkdownReportToTheGitHubStepSummary()
    {
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1300)));
        _samples.WriteResults("b/results.json", Run(Result("Update(10)", 1000)));
        var summary = _samples.PathOf("summary.md");
        File.WriteAllText(summary, "before\n");
        var outcome = _samples.Invoke(null, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Regression));
        var text = File.ReadAllText(summary);
        Assert.That(text, Does.StartWith("before\n# Performance Report"));
        Assert.That(text, Does.Contain("Regressions Detected").And.Contain("Update(10)"));
    }

    [Test]
    public void OutputIsTheSameUnderAGermanOrTurkishCulture()
    {
        _samples.WriteResults("a/results.json", Run(Result("Update(10)", 1300.5)));
        _samples.WriteResults("b/results.json", Run(Result("Update(10)", 1000.25)));
        var invariant = _samples.Invoke("compare", "a/results.json", "b/results.json");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "tr-TR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.That(_samples.Invoke("compare", "a/results.json", "b/results.json").Out, Is.EqualTo(invariant.Out), culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        Assert.That(invariant.Out, Does.Contain("1.299 µs"));
    }
}
