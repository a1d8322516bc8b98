using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.History;

public class HistoryComparisonTests
{
    [Test]
    public void AHistoryRowKeepsHowTheOutcomeWasMeasured()
    {
        var interval = new ConfidenceInterval(1.18, 1.29, 0.997);
        var outcome = GateOutcome.Compared(Verdict.Regressed, "m", 0.1, ComparisonMethod.Paired, new BaselineName("commit 1b56a1b", "1b56a1b"), 3, 1000, 1234,
            1.234, interval, 0.021) with
        { CopiesPerSide = 4 };

        Assert.That(HistoryComparison.From(outcome),
            Is.EqualTo(new HistoryComparison(ComparisonMethod.Paired, "commit 1b56a1b", "1b56a1b", 3, 4, 0.021, interval, 1000, 1234)));
    }

    [Test]
    public void AnOutcomeWithoutAComparisonGivesARowWithMethodNone()
    {
        var row = HistoryComparison.From(GateOutcome.NotCompared("m", 0.1, 100));

        Assert.That(row, Is.EqualTo(new HistoryComparison(ComparisonMethod.None, null, null, 0, 0, null, null, null, 100)));
    }
}
