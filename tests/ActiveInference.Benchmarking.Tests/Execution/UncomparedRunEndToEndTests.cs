using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Fixtures;
using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>
/// A gate run with no baseline code and no baselines file (a new project's first run) through the real NUnit engine:
/// every benchmark ends inconclusive, and the run's end says why once, on stderr and at the top of the markdown report.
/// </summary>
[NonParallelizable]
public class UncomparedRunEndToEndTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("perf-uncompared-e2e-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void AGateRunThatComparedNothingSaysWhyOnceOnStderrAndInTheReport()
    {
        var run = FixtureRun.Of(typeof(ValuesFixtures), FixtureRun.Session(PerfMode.Gate, _directory));

        var stderr = string.Concat(run.Output.Where(o => o.Stream == "Error").Select(o => o.Text));
        var baselines = Path.Combine(_directory, "baselines.json");
        var reason = $"nothing to compare with: there is no baseline code (framework test without baseline code) and no baselines file at {baselines}";
        var report = File.ReadAllText(Path.Combine(_directory, "results", MarkdownReportExporter.DefaultFileName));
        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => c.ResultState), Has.All.EqualTo(ResultState.Inconclusive));
            Assert.That(stderr.Split('\n').Count(l => l.Contains("could not be compared", StringComparison.Ordinal)), Is.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain($"perf: 2 of 2 benchmarks could not be compared: {reason}"));
            Assert.That(stderr, Does.Contain("perf: this gate run compared no benchmark, so it gated nothing. Record baselines: " + UncomparedRun.RecordCommand));
            Assert.That(report, Does.StartWith("# Performance Report\n\n> ⚠️ **Nothing was gated"));
        });
    }

    [Test]
    public void AShardHoldingNoBenchmarkWritesEmptyResultsAndIsNoUncomparedRun()
    {
        var names = new[] { "Sum(8)", "Sum(64)" }.Select(n => $"{typeof(ValuesFixtures).FullName}.{n}").ToArray();
        var shard = Enumerable.Range(1, 50).Select(i => new Shard(i, 50)).First(s => !names.Any(s.Contains));
        var options = FixtureRun.Session(PerfMode.Gate, _directory).Options! with { Shard = shard };
        var session = new PerfSession(options, null, MachineProfile.Detect("e2e"), baselineCode: _ => BaselineCode.None("framework test without baseline code"));

        var run = FixtureRun.Of(typeof(ValuesFixtures), session);

        var results = Path.Combine(_directory, "results", ResultsJsonExporter.DefaultFileName);
        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => c.ResultState.Status), Has.All.EqualTo(TestStatus.Skipped));
            Assert.That(File.Exists(results), Is.True, "the shard's job and the merge see that it ran");
            Assert.That(ResultsJsonReader.Read(results).Results, Is.Empty);
            Assert.That(string.Concat(run.Output.Select(o => o.Text)), Does.Not.Contain("could not be compared"));
        });
    }
}
