using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.History;

public class AnchoredRunFactoryTests
{
    [Test]
    public void TheAnchorIsTheBaselineCommitTheBenchmarksWerePairedWith()
    {
        var report = Report(Commit(5), "main", PairedWith("A", 1.2, bytes: 48), PairedWith("B", 0.9), PairedWith("C", 1.0, baselineCommit: NewAnchor));

        var run = AnchoredRunFactory.From(report, Commit(4))!;

        Assert.That(run.AnchorCommit, Is.EqualTo(Anchor));
        Assert.That(run.ParentCommit, Is.EqualTo(Commit(4)));
        var a = run.Benchmarks.Single(b => b.FullName == "A");
        Assert.That((a.Ratio, a.Lower, a.Upper, a.NoiseFloor, a.Processes, a.CopiesPerSide), Is.EqualTo(((double?)1.2, (double?)(1.2 * 0.98), (double?)(1.2 * 1.02), (double?)0.02, 2, 4)));
        Assert.That((a.RawAnchorMedianNanoseconds, a.RawCurrentMedianNanoseconds, a.BytesPerOperation), Is.EqualTo(((double?)1000, (double?)1200, (double?)48)));
        Assert.That(run.Benchmarks.Single(b => b.FullName == "C").Ratio, Is.Null, "paired with another commit: not in the anchor's units");
    }

    [Test]
    public void ARatioToRecordedNumbersIsNoHistoryRatio()
    {
        var run = AnchoredRunFactory.From(Report(Commit(5), "main", PairedWith("A", 1.0), Recorded("B", 1.5)), null)!;

        var b = run.Benchmarks.Single(e => e.FullName == "B");
        Assert.That((b.Verdict, b.Ratio, b.Processes), Is.EqualTo((Verdict.Passed, (double?)null, 0)));
    }

    [Test]
    public void AnUnchangedBenchmarkIsKeptWithItsVerdictAndNoRatio()
    {
        var run = AnchoredRunFactory.From(Report(Commit(5), "main", Unchanged("A")), null)!;

        Assert.That(run.AnchorCommit, Is.EqualTo(Anchor));
        Assert.That(run.Benchmarks.Single().Verdict, Is.EqualTo(Verdict.Unchanged));
        Assert.That(run.Benchmarks.Single().Ratio, Is.Null);
    }

    [Test]
    public void ARunWithNothingPairedHasNoAnchorAndMakesNoPoint()
    {
        Assert.That(AnchoredRunFactory.From(Report(Commit(5), "main", Recorded("A", 1.0)), null), Is.Null);
    }

    [Test]
    public void TheRunKeepsItsThresholdSettingAndABenchmarkItsOwnWhereItDiffers()
    {
        var own = PairedWith("B", 1.0);
        own = own with { Gate = own.Gate! with { Threshold = 0.25 } };
        var report = Report(Commit(5), "main", PairedWith("A", 1.0), own) with { Config = new Dictionary<string, string> { ["threshold"] = "0.1" } };

        var run = AnchoredRunFactory.From(report, null)!;
        var back = AnchoredRunJson.Parse(AnchoredRunJson.Write(run), "r.json");

        Assert.That(back.Threshold, Is.EqualTo(0.1));
        Assert.That(back.Benchmarks.Select(b => b.Threshold), Is.EqualTo(new double?[] { null, 0.25 }));
    }
}
