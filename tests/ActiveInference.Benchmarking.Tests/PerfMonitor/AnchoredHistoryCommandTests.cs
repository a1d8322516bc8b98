using ActiveInference.Benchmarking.History;
using ActiveInference.PerfMonitor;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class AnchoredHistoryCommandTests
{
    private MonitorSamples _samples = null!;
    private HistoryFolder _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _samples = new MonitorSamples();
        _folder = new HistoryFolder(_samples.PathOf("perf-history"));
        // Kernel(10) steps from 1.0 to 1.3 of the anchor at commit 8; Flat(10) stays at 0.9.
        for (var i = 0; i < 14; i++)
            _folder.Add(Run(Commit(i), Anchor, i, ("Ns.Kernel(10)", i < 8 ? 1.0 + 0.002 * (i % 3) : 1.3 + 0.002 * (i % 3)), ("Ns.Flat(10)", 0.9)));
    }

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void TheListingShowsEachBenchmarksLatestRatioToTheAnchorAndItsLastStep()
    {
        var outcome = _samples.Invoke("history", "--history", "perf-history");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Ns\.Kernel\(10\)\s+1\.302 \[1\.276, 1\.328\]\s+14\s+aaaaaaa\s+000000d\s+0000007\.\.0000008 ×1\.299 \(\+29\.9%\)"));
        Assert.That(outcome.Out, Does.Match(@"Ns\.Flat\(10\)\s+0\.900 \[0\.882, 0\.918\]\s+14\s+aaaaaaa\s+000000d\s+-"));
    }

    [Test]
    public void ABenchmarkShowsItsAnchoredSeriesWithRawMediansApartAndTheStepWithItsBisectCommand()
    {
        var outcome = _samples.Invoke("history", "Kernel(10)", "--history", "perf-history");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("ratios to anchor aaaaaaa (1.000 = as fast as that commit); raw medians include the machine's speed"));
        Assert.That(outcome.Out, Does.Match(@"\s9\s+2026-12-09 00:00\s+0000008\s+1\.304 \[1\.278, 1\.330\]\s+±2\.0%\s+2 × 4\s+aaaaaaa\s+Passed\s+1\.000 µs -> 1\.304 µs\s+16\s+<- step"));
        Assert.That(outcome.Out, Does.Contain("0000007..0000008 ×1.299 (+29.9%)"));
        Assert.That(outcome.Out, Does.Contain("regression; bisect: perfmonitor bisect --good 0000007 --bad 0000008 --filter \"FullyQualifiedName~Ns.Kernel\""));
    }

    [Test]
    public void ASteadyBenchmarkSaysItHasNoStep()
    {
        var outcome = _samples.Invoke("history", "Flat(10)", "--history", "perf-history");

        Assert.That(outcome.Out, Does.Contain("No step of 10% or more in 14 run(s)."));
    }

    [Test]
    public void ADamagedFileIsNamedOnStderrAndTheRestIsStillShown()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "20261230T000000-bad.json"), "not json");

        var outcome = _samples.Invoke("history", "--history", "perf-history");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean));
        Assert.That(outcome.Error, Does.Contain("warning: ").And.Contain("20261230T000000-bad.json: not valid JSON"));
        Assert.That(outcome.Out, Does.Contain("Ns.Kernel(10)"));
    }

    [Test]
    public void AMissingHistoryFolderIsAnErrorThatSaysHowToGetOne()
    {
        var outcome = _samples.Invoke("history", "--history", "nowhere");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(outcome.Error, Does.Contain("no history folder here").And.Contain("perf-history branch"));
    }

    [Test]
    public void AnchorLinkStoresTheNewAnchorsRatiosToTheOldOneFromAGateRun()
    {
        var results = _samples.WriteResults("link/results.json", Report(NewAnchor, "main", PairedWith("Ns.Kernel(10)", 0.5)));

        var outcome = _samples.Invoke("anchor", "link", "--results", results, "--history", "perf-history", "--from", "aaaaaaa");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.StartWith("Linked anchor bbbbbbb to aaaaaaa: 1 of 1 benchmark(s) measured"));
        Assert.That(_folder.Read().Links.Single().Run.Benchmarks.Single().Ratio, Is.EqualTo(0.5));
    }

    [Test]
    public void AnchorLinkRefusesARunWhoseBaselineIsNotTheNamedOldAnchor()
    {
        var results = _samples.WriteResults("link/results.json", Report(NewAnchor, "main", PairedWith("Ns.Kernel(10)", 0.5)));

        var outcome = _samples.Invoke("anchor", "link", "--results", results, "--history", "perf-history", "--from", "ccccccc");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(outcome.Error, Does.Contain("--from ccccccc is not the run's baseline commit aaaaaaa"));
        Assert.That(Directory.Exists(Path.Combine(_folder.Path, "anchors")), Is.False);
    }

    [Test]
    public void HistoryPruneKeepsTheFolderWithinMaxRunsAndTheStepWhereItWas()
    {
        var outcome = _samples.Invoke("history", "prune", "--history", "perf-history", "--max-runs", "6");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("removed 8 of 14 run(s); 6 kept."));
        var left = _folder.Read();
        Assert.That(left.Runs, Has.Count.EqualTo(6));
        var step = AnchoredHistory.Build(left).Single(s => s.FullName == "Ns.Kernel(10)").Steps.Single();
        Assert.That((step.LastBefore, step.FirstAfter), Is.EqualTo((Commit(7), Commit(8))));
    }

    [Test]
    public void HistoryPruneTakesTheFolderWithATrailingSlash()
    {
        var outcome = _samples.Invoke("history", "prune", "--history", "perf-history/", "--max-runs", "6");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(_folder.Read().Runs, Has.Count.EqualTo(6));
    }

    [Test]
    public void HistoryPruneDryRunNamesTheFilesAndRemovesNothing()
    {
        var outcome = _samples.Invoke("history", "prune", "--history", "perf-history", "--max-runs", "6", "--dry-run");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("would remove 8 of 14 run(s)").And.Contain("would remove 2026"));
        Assert.That(_folder.Read().Runs, Has.Count.EqualTo(14));
    }

    [Test]
    public void HistoryPruneNeverRemovesADamagedFileAndSaysSo()
    {
        var damaged = Path.Combine(_folder.Path, "20261230T000000-bad.json");
        File.WriteAllText(damaged, "not json");

        var outcome = _samples.Invoke("history", "prune", "--history", "perf-history", "--max-runs", "6");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("20261230T000000-bad.json: not valid JSON").And.Contain("never pruned"));
        Assert.That(File.Exists(damaged), Is.True);
    }

    [TestCase("3")]
    [TestCase("many")]
    public void HistoryPruneRefusesABudgetThatIsNotAWholeNumberOfAtLeastFour(string value)
    {
        var outcome = _samples.Invoke("history", "prune", "--history", "perf-history", "--max-runs", value);

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(outcome.Error, Does.Contain($"--max-runs '{value}' must be a whole number of at least 4"));
        Assert.That(_folder.Read().Runs, Has.Count.EqualTo(14));
    }
}
