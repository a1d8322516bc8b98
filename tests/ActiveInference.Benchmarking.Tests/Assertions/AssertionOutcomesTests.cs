using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Benchmarking.Execution;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using AssertionStatus = ActiveInference.Benchmarking.Assertions.AssertionStatus;

namespace ActiveInference.Benchmarking.Tests.Assertions;

/// <summary>How assertion outcomes combine with the result the gate set.</summary>
[TestFixture]
public sealed class AssertionOutcomesTests
{
    private static readonly AssertionOutcome Passed = AssertionOutcome.Passed("A: fine");
    private static readonly AssertionOutcome Failed = AssertionOutcome.Failed("B: 280 B/op, allowed at most 0 B/op");
    private static readonly AssertionOutcome Inconclusive = AssertionOutcome.Inconclusive("C: written for another profile");
    private static readonly AssertionOutcome NotApplicable = AssertionOutcome.NotApplicable("D: no such case");

    private static TestResult GateSaid(ResultState state, string message)
    {
        var result = new TestMethod(new MethodWrapper(typeof(AssertionOutcomesTests), nameof(AFailedAssertionFailsAPassingGate))).MakeTestResult();
        result.SetResult(state, message);
        return result;
    }

    [Test]
    public void AFailedAssertionFailsAPassingGate()
    {
        var result = GateSaid(ResultState.Success, "gate: passed");
        AssertionOutcomes.Apply(result, [Passed, Failed, Inconclusive], trustworthy: true);
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
        Assert.That(result.Message, Is.EqualTo($"1 assertion(s) failed: B: 280 B/op, allowed at most 0 B/op{Environment.NewLine}gate: passed"));
    }

    [Test]
    public void FailuresCombineWithARegression()
    {
        var result = GateSaid(ResultState.Failure, "gate: regressed");
        AssertionOutcomes.Apply(result, [Failed, Failed], trustworthy: true);
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
        Assert.That(result.Message, Does.StartWith("2 assertion(s) failed: B: 280 B/op, allowed at most 0 B/op; B:").And.EndWith("gate: regressed"));
    }

    [Test]
    public void AnInconclusiveAssertionMakesAPassingTestInconclusiveNotFailed()
    {
        var result = GateSaid(ResultState.Success, "gate: passed");
        AssertionOutcomes.Apply(result, [Passed, Inconclusive, NotApplicable], trustworthy: true);
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Inconclusive));
        Assert.That(result.Message, Does.StartWith("1 assertion(s) inconclusive: C: written for another profile"));
    }

    [Test]
    public void PassedAndNotApplicableChangeNothing()
    {
        var result = GateSaid(ResultState.Success, "gate: passed");
        AssertionOutcomes.Apply(result, [Passed, NotApplicable], trustworthy: true);
        Assert.That((result.ResultState, result.Message), Is.EqualTo((ResultState.Success, "gate: passed")));
    }

    [Test]
    public void AnInconclusiveAssertionDoesNotHideARegression()
    {
        var result = GateSaid(ResultState.Failure, "gate: regressed");
        AssertionOutcomes.Apply(result, [Inconclusive], trustworthy: true);
        Assert.That((result.ResultState, result.Message), Is.EqualTo((ResultState.Failure, "gate: regressed")));
    }

    [Test]
    public void AnUntrustworthyMeasurementEnforcesNothingButListsTheOutcomes()
    {
        var result = GateSaid(ResultState.Inconclusive, "Not trustworthy, not gated: debugger");
        AssertionOutcomes.Apply(result, [Failed], trustworthy: false);
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Inconclusive));
        Assert.That(result.Message, Does.EndWith("Assertions not enforced: B: 280 B/op, allowed at most 0 B/op"));
    }

    [Test]
    public void TheOutputListsEveryAssertionWithItsStatus() =>
        Assert.That(AssertionOutcomes.Describe([Passed, NotApplicable]).Split(Environment.NewLine),
            Is.EqualTo(new[] { "  assertion Passed: A: fine", "  assertion NotApplicable: D: no such case" }));

    [Test]
    public void AnAssertionThatThrowsCountsAsFailed()
    {
        var outcomes = BenchmarkAssertions.Of(typeof(AssertionOutcomesTests).GetMethod(nameof(Throwing))!).Check(SyntheticResult.Create(), new AssertionContext("p"));
        Assert.That(outcomes.Single(), Is.EqualTo(AssertionOutcome.Failed("Throws: threw InvalidOperationException: broken")));
    }

    [ThrowingAssertion]
    public static void Throwing() { }

    [AttributeUsage(AttributeTargets.Method)]
    private sealed class ThrowingAssertionAttribute : BenchmarkAssertionAttribute
    {
        public override string Description => "Throws";

        public override AssertionOutcome Check(BenchmarkResult result, AssertionContext context) => throw new InvalidOperationException("broken");
    }
}
