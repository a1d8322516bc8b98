using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.History;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.Execution;

public class HistoryRecorderTests : TemporaryFolderTest
{
    [Test]
    public void AGateRunOnTheHistoryBranchAddsOneFileWithItsRatios()
    {
        var message = HistoryRecorder.Record(Report(Commit(9), "main", PairedWith("A", 1.25)), Options(), Path.GetTempPath(), _ => null);

        Assert.That(message, Does.StartWith("perf history: added ").And.Contain("(anchor aaaaaaa)"));
        var run = new HistoryFolder(Folder).Read().Runs.Single().Run;
        Assert.That((run.Commit, run.AnchorCommit, run.Benchmarks.Single().Ratio), Is.EqualTo((Commit(9), Anchor, (double?)1.25)));
    }

    [Test]
    public void APullRequestRunIsNeverAHistoryPoint()
    {
        var message = HistoryRecorder.Record(Report(Commit(9), "main", PairedWith("A", 1.25)), Options(), Path.GetTempPath(), n => n == "GITHUB_HEAD_REF" ? "feature" : null);

        Assert.That(message, Does.Contain("a pull-request run is never a history point"));
        Assert.That(Directory.Exists(Folder), Is.False);
    }

    [Test]
    public void ARunOnAnotherBranchIsNoHistoryPointAndSaysWhichBranchCounts()
    {
        var message = HistoryRecorder.Record(Report(Commit(9), "12/merge", PairedWith("A", 1.25)), Options(), Path.GetTempPath(), _ => null);

        Assert.That(message, Does.Contain("the branch is 12/merge, not main (setting historyBranch)"));
        Assert.That(Directory.Exists(Folder), Is.False);
    }

    [Test]
    public void AMeasureRunIsNoHistoryPoint()
    {
        var message = HistoryRecorder.Record(Report(Commit(9), "main", PairedWith("A", 1.25)), Options() with { Mode = PerfMode.Measure }, Path.GetTempPath(), _ => null);

        Assert.That(message, Does.Contain("only gate runs are history points"));
    }

    [Test]
    public void WithoutAHistoryFolderNothingIsSaid()
    {
        Assert.That(HistoryRecorder.Record(Report(Commit(9), "main", PairedWith("A", 1.25)), Options() with { HistoryFolder = null }, Path.GetTempPath(), _ => null), Is.Null);
    }

    private PerfOptions Options() => new()
    {
        BaselinePath = Path.Combine(Folder, "baselines.json"),
        ResultsDirectory = Folder,
        HistoryPath = Path.Combine(Folder, "h.db"),
        HistoryFolder = Folder,
    };
}
