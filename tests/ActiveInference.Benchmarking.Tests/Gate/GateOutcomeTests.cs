using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Gate;

public class GateOutcomeTests
{
    private static readonly BaselineName Commit = new("commit 1b56a1b", "1b56a1b0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7");

    [Test]
    public void OutcomesReachedBeforeAnyProcessComparedHaveNoMethodNoProcessesAndNoChange()
    {
        GateOutcome[] outcomes =
        [
            GateOutcome.NotCompared("m", 0.1, 100),
            GateOutcome.New("m", 0.1, 100, Commit),
            GateOutcome.Inconclusive("m", 0.1, 100, Commit, 90),
            GateOutcome.Unchanged("m", 0.1, 100, Commit, ["Foo 1.0.0 → 1.1.0"]),
        ];

        Assert.That(outcomes.Select(o => o.Verdict), Is.EqualTo(new[] { Verdict.NotCompared, Verdict.New, Verdict.Inconclusive, Verdict.Unchanged }));
        Assert.That(outcomes.Select(o => (o.Method, o.Processes, o.Ratio, o.RatioInterval, o.NoiseFloor)),
            Is.All.EqualTo((ComparisonMethod.None, 0, (double?)null, (ConfidenceInterval?)null, (double?)null)));
    }

    [Test]
    public void AnOutcomeAgainstABaselineNamesItAndItsCommit()
    {
        var unchanged = GateOutcome.Unchanged("m", 0.1, 100, Commit, ["Foo 1.0.0 → 1.1.0"]);

        Assert.That((unchanged.Baseline, unchanged.BaselineCommit), Is.EqualTo((Commit.Description, Commit.Commit)));
        Assert.That(unchanged.BuildDifferences, Is.EqualTo(new[] { "Foo 1.0.0 → 1.1.0" }));
        Assert.That(GateOutcome.NotCompared("m", 0.1, 100).Baseline, Is.Null);
    }

    [Test]
    public void AComparedOutcomeCarriesItsMethodProcessesAndChange()
    {
        var interval = new ConfidenceInterval(1.18, 1.29, 0.997);
        var outcome = GateOutcome.Compared(Verdict.Regressed, "m", 0.1, ComparisonMethod.Paired, Commit, 3, 1000, 1234, 1.234, interval, 0.021);

        Assert.That((outcome.Method, outcome.Processes, outcome.Ratio, outcome.RatioInterval, outcome.NoiseFloor),
            Is.EqualTo((ComparisonMethod.Paired, 3, (double?)1.234, (ConfidenceInterval?)interval, (double?)0.021)));
        Assert.That((outcome.BaselineMedianNanoseconds, outcome.CurrentMedianNanoseconds), Is.EqualTo(((double?)1000, 1234.0)));
    }

    [Test]
    public void AComparedOutcomeNeedsAMethodAndAProcess()
    {
        Assert.That(() => GateOutcome.Compared(Verdict.Passed, "m", 0.1, ComparisonMethod.Paired, Commit, 0, 1000, 1000),
            Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => GateOutcome.Compared(Verdict.Passed, "m", 0.1, ComparisonMethod.None, Commit, 2, 1000, 1000),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
