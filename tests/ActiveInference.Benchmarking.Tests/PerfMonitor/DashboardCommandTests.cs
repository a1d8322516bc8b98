using System.Xml.Linq;
using ActiveInference.Benchmarking.History;
using ActiveInference.PerfMonitor;
using ActiveInference.PerfMonitor.Dashboard;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class DashboardCommandTests
{
    private const string CommitUrl = "https://example.invalid/commit/{commit}";
    private MonitorSamples _samples = null!;

    [SetUp]
    public void SetUp()
    {
        _samples = new MonitorSamples();
        var folder = new HistoryFolder(_samples.PathOf("perf-history"));
        // Ns.Kernel(10) gets 30% slower at commit 8; Ns.Flat(10) stays where it is.
        for (var i = 0; i < 12; i++)
            folder.Add(Run(Commit(i), Anchor, i, ("Ns.Kernel(10)", i < 8 ? 1.0 : 1.3), ("Ns.Flat(10)", 0.9)));
    }

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void TheSiteHasAnIndexOfEveryBenchmarkAPagePerBenchmarkTheRegressionsPageAndTheFeed()
    {
        var outcome = _samples.Invoke("dashboard", "--history", "perf-history", "--output", "site", "--commit-url", CommitUrl);

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("12 run(s), 2 benchmark(s), 1 regression step(s): wrote 7 file(s)"));
        var index = File.ReadAllText(_samples.PathOf("site/index.html"));
        Assert.That(index, Does.Contain("data-name=\"Ns.Kernel(10)\"").And.Contain("data-name=\"Ns.Flat(10)\"").And.Contain("<svg class=\"spark\""));
        Assert.That(File.Exists(_samples.PathOf("site/" + DashboardSite.PagePath("Ns.Kernel(10)"))), Is.True);
        Assert.That(File.ReadAllBytes(_samples.PathOf("site/uPlot.iife.min.js")), Has.Length.GreaterThan(10_000), "the embedded chart library");
    }

    [Test]
    public void ARegressionRowNamesItsRangeLinksItsCommitsAndGivesTheBisectCommand()
    {
        _samples.Invoke("dashboard", "--history", "perf-history", "--output", "site", "--commit-url", CommitUrl);

        var regressions = File.ReadAllText(_samples.PathOf("site/regressions.html"));
        Assert.That(regressions, Does.Contain($"href=\"https://example.invalid/commit/{Commit(8)}\""));
        Assert.That(regressions, Does.Contain("+30.0% (×1.300)"));
        Assert.That(regressions, Does.Contain("perfmonitor bisect --good 0000007 --bad 0000008"));
        Assert.That(regressions, Does.Not.Contain("Ns.Flat(10)</a>"));
    }

    [Test]
    public void TheFeedIsAtomWithOneEntryPerRegressionStep()
    {
        _samples.Invoke("dashboard", "--history", "perf-history", "--output", "site");

        var feed = XDocument.Load(_samples.PathOf("site/" + DashboardSite.Feed));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single();
        Assert.That(entry.Element(atom + "title")!.Value, Is.EqualTo("Ns.Kernel(10): +30.0% (×1.300) at 0000007..0000008"));
        Assert.That(entry.Element(atom + "updated")!.Value, Is.EqualTo("2026-12-09T00:00:00Z"));
    }

    [Test]
    public void WithoutACommitUrlCommitsAreTextAndOnGitHubActionsTheyLinkToTheRepository()
    {
        _samples.Invoke("dashboard", "--history", "perf-history", "--output", "plain");
        var github = new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "o/r" };
        _samples.Invoke(null, github, "dashboard", "--history", "perf-history", "--output", "gh");

        Assert.That(File.ReadAllText(_samples.PathOf("plain/regressions.html")), Does.Not.Contain("class=\"commit\""));
        Assert.That(File.ReadAllText(_samples.PathOf("gh/regressions.html")), Does.Contain($"href=\"https://github.com/o/r/commit/{Commit(8)}\""));
    }

    [Test]
    public void ACommitUrlWithoutAPlaceForTheHashIsRefused()
    {
        var outcome = _samples.Invoke("dashboard", "--history", "perf-history", "--output", "site", "--commit-url", "https://x/commit/");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(outcome.Error, Does.Contain("must contain {commit}"));
        Assert.That(Directory.Exists(_samples.PathOf("site")), Is.False);
    }
}
