using ActiveInference.Benchmarking.History;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.History;

public class HistoryPruningTests
{
    // 100 runs; Kernel steps from 1.0 to 1.3 at run 30 (between commits 29 and 30), Flat stays at 0.9.
    private static HistoryFolderContents Hundred(params StoredRun[] links) => new(
        Enumerable.Range(0, 100).Select(i => Stored(Run(Commit(i), Anchor, i, ("Kernel", (i < 30 ? 1.0 : 1.3) + 0.002 * (i % 3)), ("Flat", 0.9)))).ToArray(),
        links, []);

    [Test]
    public void AFolderWithinTheBudgetLosesNothing()
    {
        var plan = HistoryPruning.Plan(Hundred(), maxRuns: 100);

        Assert.That(plan.Remove, Is.Empty);
        Assert.That(plan.Kept, Is.EqualTo(100));
    }

    [Test]
    public void AFolderOverTheBudgetKeepsExactlyTheBudget()
    {
        var contents = Hundred();

        var plan = HistoryPruning.Plan(contents, maxRuns: 20);

        Assert.That(plan.Kept, Is.EqualTo(20));
        Assert.That(contents.Runs.Count - plan.Remove.Count, Is.EqualTo(20));
    }

    [Test]
    public void TheFirstRunTheNewestRunsAndBothSidesOfAStepAreKept()
    {
        var plan = HistoryPruning.Plan(Hundred(), maxRuns: 20);
        var removed = plan.Remove.ToHashSet();

        Assert.That(removed, Does.Not.Contain(File(0)), "the first run sets each series' unit");
        Assert.That(removed, Does.Not.Contain(File(29)).And.Not.Contain(File(30)), "the step's two sides");
        Assert.That(Enumerable.Range(92, 8).Select(File), Has.None.AnyOf(removed.ToArray()), "the newest half of what is left");
    }

    [Test]
    public void OlderRunsThinOutEvenlyInsteadOfEnding()
    {
        var plan = HistoryPruning.Plan(Hundred(), maxRuns: 20);
        var keptIndexes = Enumerable.Range(0, 100).Where(i => !plan.Remove.Contains(File(i))).ToArray();

        Assert.That(keptIndexes.Count(i => i is > 0 and < 29), Is.GreaterThanOrEqualTo(2), "some runs before the step survive");
        Assert.That(keptIndexes.Count(i => i is > 30 and < 80), Is.GreaterThanOrEqualTo(2), "and some between the step and the newest");
    }

    [Test]
    public void TheStepIsStillFoundAtItsCommitsAfterPruning()
    {
        var contents = Hundred();
        var plan = HistoryPruning.Plan(contents, maxRuns: 20);
        var pruned = new HistoryFolderContents(contents.Runs.Where(r => !plan.Remove.Contains(r.File)).ToArray(), [], []);

        var step = AnchoredHistory.Build(pruned).Single(s => s.FullName == "Kernel").Steps.Single();

        Assert.That((step.LastBefore, step.FirstAfter), Is.EqualTo((Commit(29), Commit(30))));
    }

    [Test]
    public void ARunThatLinksALaterAnchorIsNeverRemoved()
    {
        var contents = Hundred();
        var runs = contents.Runs.Append(Stored(Run(Commit(500), NewAnchor, 200, ("Kernel", 1.0)))).ToList();
        runs[50] = Stored(Run(NewAnchor, Anchor, 50, ("Kernel", 1.3), ("Flat", 0.9)));

        var plan = HistoryPruning.Plan(new HistoryFolderContents(runs, [], []), maxRuns: 10);

        Assert.That(plan.Remove, Does.Not.Contain(runs[50].File));
    }

    [Test]
    public void WhenTheProtectedRunsExceedTheBudgetTheyAreAllKept()
    {
        // A level change every 10 runs (1.0, 1.5, 1.0, ...): each step's two sides are kept, more than a budget of 10.
        var noise = new Random(1);
        var runs = Enumerable.Range(0, 100).Select(i => Stored(Run(Commit(i), Anchor, i, ("Zigzag", (i / 10 % 2 == 0 ? 1.0 : 1.5) + 0.02 * noise.NextDouble())))).ToArray();
        var contents = new HistoryFolderContents(runs, [], []);
        Assert.That(AnchoredHistory.Build(contents).Single().Steps, Has.Count.GreaterThanOrEqualTo(5));

        var plan = HistoryPruning.Plan(contents, maxRuns: 10);

        Assert.That(plan.Kept, Is.GreaterThan(10));
        Assert.That(plan.Protected, Is.EqualTo(plan.Kept));
    }

    [Test]
    public void ABudgetBelowFourIsRefused() =>
        Assert.That(() => HistoryPruning.Plan(Hundred(), maxRuns: 3), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private static string File(int i) => Commit(i)[..7] + ".json";

    private static StoredRun Stored(AnchoredRun run) => new(run.Commit[..7] + ".json", run);
}
