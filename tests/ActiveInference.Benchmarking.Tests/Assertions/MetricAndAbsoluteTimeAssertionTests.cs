using ActiveInference.Benchmarking.Assertions;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Assertions;

[TestFixture]
public sealed class MetricAndAbsoluteTimeAssertionTests
{
    private static readonly System.Reflection.MethodInfo AnyMethod = typeof(MetricAndAbsoluteTimeAssertionTests).GetMethod(nameof(AMetricWithinItsBoundPasses))!;

    [Test]
    public void AMetricWithinItsBoundPasses()
    {
        var result = SyntheticResult.Create(metrics: new Dictionary<string, double> { ["iterations"] = 12 });
        var outcome = new MetricAssertionAttribute("iterations") { Max = 50 }.Check(result, new AssertionContext("p"));
        Assert.That(outcome, Is.EqualTo(AssertionOutcome.Passed("MetricAssertion(\"iterations\", Max = 50): iterations = 12, allowed at most 50")));
    }

    [Test]
    public void AMetricAboveItsBoundFails()
    {
        var result = SyntheticResult.Create(metrics: new Dictionary<string, double> { ["iterations"] = 80 });
        var outcome = new MetricAssertionAttribute("iterations") { Max = 50 }.Check(result, new AssertionContext("p"));
        Assert.That(outcome, Is.EqualTo(AssertionOutcome.Failed("MetricAssertion(\"iterations\", Max = 50): iterations = 80, allowed at most 50")));
    }

    [TestCase(-1.0, AssertionStatus.Failed)]
    [TestCase(0.0, AssertionStatus.Passed)]
    [TestCase(1.0, AssertionStatus.Passed)]
    [TestCase(1.5, AssertionStatus.Failed)]
    [TestCase(double.NaN, AssertionStatus.Failed)]
    public void ABandIncludesItsBounds(double value, AssertionStatus expected)
    {
        var result = SyntheticResult.Create(metrics: new Dictionary<string, double> { ["result"] = value });
        var outcome = new MetricAssertionAttribute("result") { Min = 0, Max = 1 }.Check(result, new AssertionContext("p"));
        Assert.That(outcome.Status, Is.EqualTo(expected));
        Assert.That(outcome.Message, Does.EndWith("allowed in [0, 1]"));
    }

    [Test]
    public void AMetricThatWasNotRecordedFailsAndListsWhatWas()
    {
        var result = SyntheticResult.Create(metrics: new Dictionary<string, double> { ["result"] = 1, ["free_energy"] = 2 });
        var outcome = new MetricAssertionAttribute("iterations") { Max = 50 }.Check(result, new AssertionContext("p"));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("Kernel(10) did not record \"iterations\" (recorded: free_energy, result)"));
    }

    [Test]
    public void InvalidMetricDeclarationsAreRejected()
    {
        Assert.That(new MetricAssertionAttribute("iterations").Validate(AnyMethod), Has.Some.Contains("set Min, Max or both"));
        Assert.That(new MetricAssertionAttribute(" ") { Max = 1 }.Validate(AnyMethod), Has.Some.Contains("name the metric"));
        Assert.That(new MetricAssertionAttribute("x") { Min = 2, Max = 1 }.Validate(AnyMethod), Has.Some.Contains("Min must not exceed Max"));
        Assert.That(new MetricAssertionAttribute("x") { Max = double.PositiveInfinity }.Validate(AnyMethod), Has.Some.Contains("finite"));
        Assert.That(new MetricAssertionAttribute("x") { Min = 0 }.Validate(AnyMethod), Is.Empty);
    }

    // The absolute-time assertions are checked on synthetic results only: nothing here depends on how fast this machine is.

    [Test]
    public void AMeanTimeLimitIsEnforcedOnItsProfile()
    {
        var samples = Enumerable.Repeat(2000.0, 10).ToArray(); // 2 µs/op
        var within = new MaxMeanTimeAttribute { Milliseconds = 0.003, Profile = "abc123" }.Check(SyntheticResult.Create(samples: samples), new AssertionContext("abc123"));
        var beyond = new MaxMeanTimeAttribute { Milliseconds = 0.001, Profile = "abc123" }.Check(SyntheticResult.Create(samples: samples), new AssertionContext("abc123"));
        Assert.That(within.Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(beyond.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(beyond.Message, Does.Contain("mean 2.000 µs/op").And.Contain("allowed at most 1.000 µs/op on profile abc123"));
    }

    [Test]
    public void AnAbsoluteLimitOnAnotherProfileIsInconclusiveNotFailed()
    {
        var samples = Enumerable.Repeat(2000.0, 10).ToArray();
        var outcome = new MaxMeanTimeAttribute { Milliseconds = 0.001, Profile = "abc123" }.Check(SyntheticResult.Create(samples: samples), new AssertionContext("def456"));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Inconclusive));
        Assert.That(outcome.Message, Does.Contain("written for machine profile abc123, this run is on def456"));
    }

    [Test]
    public void ThroughputIsDerivedFromTheMedianAndEnforcedOnlyOnItsProfile()
    {
        var samples = Enumerable.Repeat(2000.0, 10).ToArray(); // 500 000 operations/s
        var result = SyntheticResult.Create(samples: samples);
        Assert.That(new MinThroughputAttribute { OperationsPerSecond = 400_000, Profile = "p1" }.Check(result, new AssertionContext("p1")).Status, Is.EqualTo(AssertionStatus.Passed));
        var failed = new MinThroughputAttribute { OperationsPerSecond = 1_000_000, Profile = "p1" }.Check(result, new AssertionContext("p1"));
        Assert.That(failed.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(failed.Message, Does.Contain("500,000 operations/s (median 2.000 µs/op), allowed at least 1,000,000 operations/s on profile p1"));
        Assert.That(new MinThroughputAttribute { OperationsPerSecond = 1_000_000, Profile = "p1" }.Check(result, new AssertionContext("p2")).Status, Is.EqualTo(AssertionStatus.Inconclusive));
    }

    [Test]
    public void AnAbsoluteLimitWithoutAProfileIsRejected()
    {
        Assert.That(new MaxMeanTimeAttribute { Milliseconds = 1 }.Validate(AnyMethod), Has.Some.Contains("set Profile to the machine profile id"));
        Assert.That(new MinThroughputAttribute { OperationsPerSecond = 1 }.Validate(AnyMethod), Has.Some.Contains("set Profile"));
        Assert.That(new MaxMeanTimeAttribute { Profile = "p" }.Validate(AnyMethod), Has.Some.Contains("Milliseconds must be a positive number"));
        Assert.That(new MinThroughputAttribute { Profile = "p", OperationsPerSecond = -5 }.Validate(AnyMethod), Has.Some.Contains("OperationsPerSecond must be a positive number"));
        Assert.That(new MaxMeanTimeAttribute { Milliseconds = 1, Profile = "p" }.Validate(AnyMethod), Is.Empty);
    }
}
