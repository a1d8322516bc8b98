using ActiveInference.Benchmarking.Configuration;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Configuration;

public class HistoryOptionsTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ai-history-options");

    [Test]
    public void TheHistoryFolderIsOffAndTheHistoryBranchIsMainByDefault()
    {
        var options = PerfOptionsLoader.Load(new Dictionary<string, string?>(), new Dictionary<string, string?>(), _root).Options!;

        Assert.That((options.HistoryFolder, options.HistoryBranch), Is.EqualTo(((string?)null, "main")));
    }

    [Test]
    public void TheHistoryFolderAndBranchAreReadFromTheEnvironmentRelativeToTheRoot()
    {
        var environment = new Dictionary<string, string?> { ["PERF_HISTORY_FOLDER"] = "perf-history", ["PERF_HISTORY_BRANCH"] = "trunk" };

        var options = PerfOptionsLoader.Load(new Dictionary<string, string?>(), environment, _root).Options!;

        Assert.That((options.HistoryFolder, options.HistoryBranch), Is.EqualTo((Path.Combine(_root, "perf-history"), "trunk")));
    }

    [Test]
    public void AHistoryBranchThatLooksLikeAnOptionIsRefusedNamingTheSetting()
    {
        var result = PerfOptionsLoader.Load(new Dictionary<string, string?> { ["historyBranch"] = "--all" }, new Dictionary<string, string?>(), _root);

        Assert.That(result.Options, Is.Null);
        Assert.That(result.ErrorMessage, Does.Contain("historyBranch must be a branch name"));
    }
}
