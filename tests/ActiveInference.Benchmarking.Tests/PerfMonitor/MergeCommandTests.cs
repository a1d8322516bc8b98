using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.PerfMonitor;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.PerfMonitor.MonitorSamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class MergeCommandTests
{
    private MonitorSamples _samples = null!;

    [SetUp]
    public void SetUp() => _samples = new MonitorSamples();

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void TwoCleanShardsMergeIntoOneReport()
    {
        _samples.WriteResults("shard1/results.json", Run(Result("Update(10)", 1000, Verdict.Passed)));
        _samples.WriteResults("shard2/results.json", Run(Result("FreeEnergy(10)", 2000, Verdict.Passed), Result("Brand(1)", 10, Verdict.New)));
        var outcome = _samples.Invoke("merge", "shard1/results.json", "shard2/results.json", "--output-dir", "merged");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        var merged = ResultsJsonReader.Read(_samples.PathOf("merged/results.json"));
        Assert.That(merged.Results.Select(r => r.Measured.Name), Is.EquivalentTo(new[] { "Update(10)", "FreeEnergy(10)", "Brand(1)" }));
        Assert.That(merged.Config["shards"], Is.EqualTo("2"));
        foreach (var file in new[] { "results.csv", "results.txt", "performance_report.md" })
            Assert.That(File.Exists(_samples.PathOf("merged/" + file)), file);
        Assert.That(Directory.GetFiles(_samples.PathOf("merged/charts"), "*.png"), Has.Length.EqualTo(3));
        Assert.That(outcome.Out, Does.Contain("3 benchmarks"));
    }

    [Test]
    public void ARegressionInAnyShardIsOneVerdict()
    {
        _samples.WriteResults("shard1/results.json", Run(Result("Update(10)", 1000, Verdict.Passed)));
        _samples.WriteResults("shard2/results.json", Run(Result("FreeEnergy(10)", 2600, Verdict.Regressed)));
        var outcome = _samples.Invoke("merge", "shard1/results.json", "shard2/results.json", "--output-dir", "merged");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Regression), outcome.ToString());
        Assert.That(File.ReadAllText(_samples.PathOf("merged/performance_report.md")), Does.Contain("Regressions Detected").And.Contain("FreeEnergy(10)"));
    }

    [Test]
    public void ShardsThatTogetherComparedNoBenchmarkExitTwoSayingWhy()
    {
        _samples.WriteResults("shard1/results.json", Run(RunCommandTests.NothingToCompare("Update(10)")));
        _samples.WriteResults("shard2/results.json", Run(RunCommandTests.NothingToCompare("FreeEnergy(10)")));
        var outcome = _samples.Invoke("merge", "shard1/results.json", "shard2/results.json", "--output-dir", "merged");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("perfmonitor: 2 of 2 benchmarks could not be compared: " + RunCommandTests.NoBaselines));
        Assert.That(File.ReadAllText(_samples.PathOf("merged/performance_report.md")), Does.Contain("Nothing was gated"));
    }

    [Test]
    public void AShardThatComparedNothingIsCleanWhenAnotherShardCompared()
    {
        _samples.WriteResults("shard1/results.json", Run(RunCommandTests.NothingToCompare("Update(10)")));
        _samples.WriteResults("shard2/results.json", Run(Result("FreeEnergy(10)", 2000, Verdict.Unchanged)));
        var outcome = _samples.Invoke("merge", "shard1/results.json", "shard2/results.json", "--output-dir", "merged");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
    }

    [Test]
    public void ABenchmarkInTwoShardsIsAnError()
    {
        _samples.WriteResults("shard1/results.json", Run(Result("Update(10)", 1000, Verdict.Passed)));
        _samples.WriteResults("shard2/results.json", Run(Result("Update(10)", 1010, Verdict.Passed)));
        var outcome = _samples.Invoke("merge", "shard1/results.json", "shard2/results.json", "--output-dir", "merged");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("is in two shards").And.Contain("shard1").And.Contain("shard2"));
        Assert.That(Directory.Exists(_samples.PathOf("merged")), Is.False, "nothing written");
    }

    [Test]
    public void ShardsOfDifferentCommitsMergeWithAWarning()
    {
        _samples.WriteResults("shard1/results.json", Run(Result("Update(10)", 1000, Verdict.Passed)));
        _samples.WriteResults("shard2/results.json", Run(Result("FreeEnergy(10)", 2000, Verdict.Passed)) with { Commit = "fedcba" });
        var outcome = _samples.Invoke("merge", "shard1/results.json", "shard2/results.json", "--output-dir", "merged");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("warning: the shards differ in commit"));
    }

    [Test]
    public void TheOutputDirectoryIsRequired() =>
        Assert.That(_samples.Invoke("merge", "a.json").Code, Is.EqualTo(ExitCodes.Error));
}
