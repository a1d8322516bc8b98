using ActiveInference.Benchmarking.History;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.History;

public class AnchoredHistoryTests
{
    [Test]
    public void AfterTheAnchorMovesTheSeriesStaysInItsFirstAnchorsUnitsThroughTheStoredLink()
    {
        // The new anchor is twice as fast as the old one; runs against it read 1.0, i.e. 0.5 of the old anchor.
        var runs = new[]
        {
            Stored(Run(Commit(1), Anchor, 0, ("A", 0.5))),
            Stored(Run(Commit(2), NewAnchor, 1, ("A", 1.0))),
        };
        var links = new[] { Stored(Run(NewAnchor, Anchor, 1, ("A", 0.5))) };

        var series = AnchoredHistory.Build(new HistoryFolderContents(runs, links, [])).Single();

        Assert.That(series.Anchor, Is.EqualTo(Anchor));
        Assert.That(series.Points.Select(p => p.Ratio), Is.EqualTo(new[] { 0.5, 0.5 }).Within(1e-12));
        Assert.That(series.Points[1].MeasuredAgainst, Is.EqualTo(NewAnchor));
        Assert.That(series.Points[1].Upper!.Value / series.Points[1].Ratio, Is.GreaterThan(1.02), "the link's uncertainty widens the interval");
    }

    [Test]
    public void ARunOfTheNewAnchorAgainstTheOldOneIsALinkByItself()
    {
        var runs = new[]
        {
            Stored(Run(NewAnchor, Anchor, 0, ("A", 2.0))),
            Stored(Run(Commit(2), NewAnchor, 1, ("A", 1.5))),
        };

        var series = AnchoredHistory.Build(new HistoryFolderContents(runs, [], [])).Single();

        Assert.That(series.Points.Select(p => p.Ratio), Is.EqualTo(new[] { 2.0, 3.0 }).Within(1e-12));
        Assert.That(series.Problems, Is.Empty);
    }

    [Test]
    public void RunsAgainstAnAnchorWithNoLinkAreLeftOutAndTheFixIsNamed()
    {
        var runs = new[]
        {
            Stored(Run(Commit(1), Anchor, 0, ("A", 1.0))),
            Stored(Run(Commit(2), NewAnchor, 1, ("A", 1.0))),
        };

        var series = AnchoredHistory.Build(new HistoryFolderContents(runs, [], [])).Single();

        Assert.That(series.Points, Has.Count.EqualTo(1));
        Assert.That(series.Problems.Single(), Does.Contain("1 run(s) measured against anchor bbbbbbb left out")
            .And.Contain($"PERF_BASELINE_REF={Anchor}").And.Contain("perfmonitor anchor link"));
    }

    [Test]
    public void AnUnchangedBenchmarkSitsAtItsAnchorsLevelMarkedUnchanged()
    {
        var runs = new[]
        {
            Stored(Run(Commit(1), Anchor, 0, ("A", 1.3))),
            Stored(Run(Commit(2), NewAnchor, 1, ("A", null))),
        };
        var links = new[] { Stored(Run(NewAnchor, Anchor, 1, ("A", 1.3))) };

        var points = AnchoredHistory.Build(new HistoryFolderContents(runs, links, [])).Single().Points;

        Assert.That(points[1].Unchanged, Is.True);
        Assert.That(points[1].Ratio, Is.EqualTo(1.3).Within(1e-12), "the code is the new anchor's: its level in the old anchor's units");
        Assert.That(points[1].Lower, Is.Null);
    }

    [Test]
    public void EachBenchmarkHasItsOwnSeriesAndABenchmarkNeverMeasuredHasNone()
    {
        var runs = new[] { Stored(Run(Commit(1), Anchor, 0, ("B", 1.0), ("A", 1.0))) };
        var unmeasured = Run(Commit(2), Anchor, 1) with { Benchmarks = [new("C", ActiveInference.Benchmarking.Gate.Verdict.Inconclusive, null, null, null, null, 0, 0, null, 5, null)] };

        var series = AnchoredHistory.Build(new HistoryFolderContents([.. runs, Stored(unmeasured)], [], []));

        Assert.That(series.Select(s => s.FullName), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void ABenchmarksOwnThresholdIsItsStepsMinimumEffect()
    {
        var runs = Enumerable.Range(0, 8).Select(i =>
        {
            var run = Run(Commit(i), Anchor, i, ("Wide", i < 4 ? 1.0 : 1.2), ("Narrow", i < 4 ? 1.0 : 1.2));
            return Stored(run with { Benchmarks = [run.Benchmarks[0] with { Threshold = 0.25 }, run.Benchmarks[1]] });
        }).ToArray();

        var series = AnchoredHistory.Build(new HistoryFolderContents(runs, [], []));

        Assert.That(series.Single(s => s.FullName == "Wide").Steps, Is.Empty, "20% is below its own 25%");
        Assert.That(series.Single(s => s.FullName == "Narrow").Steps, Has.Count.EqualTo(1));
    }

    private static StoredRun Stored(AnchoredRun run) => new(run.Commit[..7] + ".json", run);
}
