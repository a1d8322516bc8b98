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
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1000), ProbedResult("FreeEnergy(10)", 2000)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000), ProbedResult("FreeEnergy(10)", 2000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Passed\s+Update\(10\) passed: 0\.0% \[[^\]]+\] against the recorded numbers of 2026-03-01 \(state-matched: 40 of 40 samples against 40 samples of 1 recordings\), threshold 10%; raw medians "));
        Assert.That(outcome.Out, Does.Contain("2 benchmarks: 2 passed"));
        Assert.That(outcome.Out, Does.Not.Contain("offline"), "nothing was a suspect, so nothing stood in for a fresh process");
    }

    [Test]
    public void ThirtyPercentSlowerThanAnotherResultsFileIsARegression()
    {
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1300), ProbedResult("FreeEnergy(10)", 2000)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000), ProbedResult("FreeEnergy(10)", 2000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Regression), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Regressed\s+Update\(10\) regressed: \+30\.0% \[\+\d+\.\d%, \+\d+\.\d%\] against the recorded numbers of 2026-03-01 \(state-matched: "));
        Assert.That(outcome.Out, Does.Contain("; first process +30.0%, re-checks of its own samples +30.0%, +30.0% (fails when the mean is above +10.0% and each fresh process above +4.9%), confirmed"
            + " [offline: no fresh process to confirm; the suspect's own samples stood in for the fresh processes]"));
        Assert.That(outcome.Out, Does.Match(@"Passed\s+FreeEnergy\(10\) passed: 0\.0%"));
        Assert.That(outcome.Error, Does.Contain("1 regression(s): Update(10)"));
    }

    [Test]
    public void ASuspectWhoseOwnChangeStaysBelowTheThresholdPasses()
    {
        // +7%: above half the threshold, so a suspect, but its own samples, standing in for the fresh processes, stay below 10%.
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1070)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Passed\s+Update\(10\) passed: \+7\.0%"));
        Assert.That(outcome.Out, Does.Contain("re-checks of its own samples +7.0%, +7.0% (fails when").And.Contain(": not confirmed [offline: "));
    }

    [Test]
    public void ThirtyPercentFasterIsAnImprovement()
    {
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 700)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Improved\s+Update\(10\) improved: -30\.0%"));
        Assert.That(outcome.Out, Does.Contain("1 benchmark: 1 improved"));
    }

    [Test]
    public void AHigherThresholdTurnsTheRegressionClean()
    {
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1300)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json", "--threshold", "0.5");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Passed\s+Update\(10\) passed: \+30\.0% .*, threshold 50%"));
    }

    [Test]
    public void ComparesWithABaselinesFileToldApartByContent()
    {
        _samples.WriteBaselines("baselines.json", Run(ProbedResult("Update(10)", 1000), ProbedResult("FreeEnergy(10)", 2000), ProbedResult("Gone(1)", 5)));
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1300), ProbedResult("FreeEnergy(10)", 2000), ProbedResult("Brand(1)", 7)));
        var outcome = _samples.Invoke("compare", "a/results.json", "baselines.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Regression), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("baselines file"));
        Assert.That(outcome.Out, Does.Match(@"New\s+Brand\(1\) is new: no recorded baseline yet"));
        Assert.That(outcome.Out, Does.Match(@"Missing\s+ActiveInference.Core.PerfTests.Kernels.Gone\(1\)"));
        Assert.That(outcome.Out, Does.Match(@"Passed\s+FreeEnergy\(10\) passed: 0\.0%"));
        Assert.That(outcome.Out, Does.Match(@"Regressed\s+Update\(10\) regressed: \+30\.0%"));
    }

    [Test]
    public void RecordedNumbersWithoutStateProbesAreInconclusiveAndSayToRecordAgain()
    {
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 3000)));
        _samples.WriteResults("b/results.json", Run(Result("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("Inconclusive Update(10) inconclusive: the recorded numbers of 2026-03-01 carry no machine-state probes to match against (recorded by an older version): record new baselines"));
    }

    [Test]
    public void AStoredRunInAStateTheBaselineNeverSawIsInconclusiveWithoutPretendingToRetry()
    {
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1000, probeFactor: 3)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("Inconclusive Update(10) inconclusive: this run's 1 process(es) ran in machine states that the 1 recordings in the recorded numbers of 2026-03-01 never saw"));
        Assert.That(outcome.Out, Does.Not.Contain("offline"), "no suspect, so nothing stood in for a fresh process");
    }

    [Test]
    public void AStoredRunCountsAsOneProcessInTheReport()
    {
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1300)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000)));
        var summary = _samples.PathOf("summary.md");
        _samples.Invoke(null, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "compare", "a/results.json", "b/results.json");
        Assert.That(File.ReadAllText(summary), Does.Contain("recorded, state-matched: 1 process |").And.Not.Contain("3 processes"));
    }

    [Test]
    public void AnUntrustworthyRunIsInconclusiveAndNotGated()
    {
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 3000) with { TrustIssues = ["code not optimised"] }));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000)));
        var outcome = _samples.Invoke("compare", "a/results.json", "b/results.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("Inconclusive Update(10) inconclusive: not trustworthy, not gated: code not optimised"));
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
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1300)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000)));
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
        _samples.WriteResults("a/results.json", Run(ProbedResult("Update(10)", 1300.5)));
        _samples.WriteResults("b/results.json", Run(ProbedResult("Update(10)", 1000.25)));
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
        Assert.That(invariant.Out, Does.Contain("1.301 µs").And.Contain("regressed: +30.0%"));
    }
}
