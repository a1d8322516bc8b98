using ActiveInference.Benchmarking.Fixtures;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>
/// <see cref="CostFixtures"/> through the real NUnit engine: Work(40) does exactly twice Work(20)'s work, and the
/// framework must report it so. No absolute time is asserted, only ratios of medians over several rounds, in bands
/// wide enough for this shared machine (speed states about 2x apart, other builds competing for 2 cores).
/// </summary>
[TestFixture]
[NonParallelizable]
public class CostFixturesEndToEndTests
{
    // Each round's medians reflect the machine's state during that round's half second; the median of five rounds
    // makes one disturbed round harmless.
    private const int Rounds = 5;
    private readonly List<FixtureRun> _rounds = [];

    [OneTimeSetUp]
    public void RunTheFixture()
    {
        for (var i = 0; i < Rounds; i++) _rounds.Add(FixtureRun.Of(typeof(CostFixtures)));
    }

    private FixtureRun Last => _rounds[^1];

    [Test]
    public void EveryTestCaseIsOneTestNode()
    {
        Assert.That(Last.Cases.Select(r => r.Name), Is.EquivalentTo(new[] { "Work(20)", "Work(40)" }));
    }

    [Test]
    public void EveryCaseIsInCategoryPerformanceAndNotParallelisable()
    {
        // NUnit puts a method attribute's category on the method's suite above its cases; a category filter matches
        // a case through its parents, which is what `--where cat!=Performance` relies on.
        var performance = TestFilter.FromXml($"<filter><cat>{PerfBenchmarkAttribute.Category}</cat></filter>");
        var notPerformance = TestFilter.FromXml($"<filter><not><cat>{PerfBenchmarkAttribute.Category}</cat></not></filter>");
        Assert.Multiple(() =>
        {
            foreach (var testCase in Last.Cases)
            {
                Assert.That(performance.Pass(testCase.Test), Is.True, testCase.Name);
                Assert.That(notPerformance.Pass(testCase.Test), Is.False, testCase.Name);
                Assert.That(FixtureRun.ParallelScopeOf(testCase.Test), Is.EqualTo(ParallelScope.None), testCase.Name);
            }
        });
    }

    [Test]
    public void EveryCasePasses()
    {
        Assert.That(_rounds.SelectMany(r => r.Cases).Select(r => (r.Name, r.ResultState.Status, r.Message)),
            Has.All.Matches<(string, TestStatus Status, string)>(c => c.Status == TestStatus.Passed));
    }

    [Test]
    public void TheOutputStatesTheMedianAndTheSampleCount()
    {
        Assert.Multiple(() =>
        {
            foreach (var testCase in Last.Cases)
            {
                Assert.That(testCase.Output, Does.Contain($"{testCase.Name}: median "), testCase.Name);
                Assert.That(testCase.Output, Does.Match(@"\d+ samples × \d+ ops"), testCase.Name);
            }
        });
    }

    [Test]
    public void TheResultHasTheAskedSamplesAndTheReturnValueAsMetric()
    {
        Assert.Multiple(() =>
        {
            foreach (var testCase in Last.Cases)
            {
                var result = Last.Result(testCase);
                Assert.That(result.Time.N, Is.GreaterThanOrEqualTo(20), testCase.Name);
                Assert.That(result.SamplesNanosecondsPerOperation, Has.All.GreaterThan(0), testCase.Name);
                Assert.That(result.NormalisedSamples, Has.Count.EqualTo(result.Time.N), testCase.Name);
                Assert.That(result.CustomMetrics, Does.ContainKey("result"), testCase.Name);
                Assert.That(result.TrustIssues, Is.Empty, testCase.Name);
            }
        });
    }

    [Test]
    public void TwiceTheWorkIsReportedAsTwiceTheTime()
    {
        var raw = _rounds.Select(r => r.Result("Work(40)").Time.Median / r.Result("Work(20)").Time.Median).ToArray();
        var normalised = _rounds.Select(r => Math.Exp(Quantile.Median(r.Result("Work(40)").NormalisedSamples) - Quantile.Median(r.Result("Work(20)").NormalisedSamples))).ToArray();
        TestContext.Out.WriteLine($"Work(40)/Work(20) per round: median ns/op {Format(raw)}; reference-normalised {Format(normalised)}");

        Assert.Multiple(() =>
        {
            Assert.That(Quantile.Median(raw), Is.InRange(1.5, 2.7), "ratio of median ns/op, median of rounds");
            // The reference workload timed next to each sample cancels the machine's speed states.
            Assert.That(Quantile.Median(normalised), Is.InRange(1.5, 2.7), "ratio of reference-normalised medians, median of rounds");
        });
    }

    private static string Format(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));

}
