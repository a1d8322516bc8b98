using ActiveInference.Benchmarking.History;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.History;

public class HistoryFolderTests : TemporaryFolderTest
{
    [Test]
    public void TwoRunsOfTheSameCommitInTheSameSecondOnOneMachineNeverCollide()
    {
        var folder = new HistoryFolder(Folder);
        var run = Run(Commit(1), Anchor, 0, ("A", 1.0));

        var first = folder.Add(run);
        var second = folder.Add(run);

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(Path.GetFileName(first), Does.Match(@"^20261201T000000-0000001-[0-9a-f]{8}-[0-9a-f]{6}\.json$"));
        Assert.That(folder.Read().Runs, Has.Count.EqualTo(2));
    }

    [Test]
    public void ADamagedFileIsNamedAndSkippedAndTheOtherRunsAreStillRead()
    {
        var folder = new HistoryFolder(Folder);
        folder.Add(Run(Commit(1), Anchor, 0, ("A", 1.0)));
        folder.Add(Run(Commit(2), Anchor, 1, ("A", 1.1)));
        File.WriteAllText(Path.Combine(Folder, "broken.json"), "{\"schema\":1,");

        var contents = folder.Read();

        Assert.That(contents.Runs.Select(r => r.Run.Commit), Is.EqualTo(new[] { Commit(1), Commit(2) }), "oldest first");
        Assert.That(contents.Problems.Single(), Does.Contain("broken.json").And.Contain("not valid JSON").And.EndWith("(skipped)"));
    }

    [Test]
    public void AMissingFolderSaysHowTheHistoryGetsThere()
    {
        var error = Assert.Throws<HistoryFileException>(() => new HistoryFolder(Folder).Read())!;

        Assert.That(error.Message, Does.Contain(Folder).And.Contain("PERF_HISTORY_FOLDER").And.Contain("perf-history branch"));
    }

    [Test]
    public void AnAnchorLinkIsStoredUnderAnchorsNamedNewThenOld()
    {
        var folder = new HistoryFolder(Folder);

        var path = folder.AddLink(Run(NewAnchor, Anchor, 3, ("A", 0.5)));

        Assert.That(Path.GetRelativePath(Folder, path), Is.EqualTo(Path.Combine("anchors", $"{NewAnchor}-{Anchor}.json")));
        var contents = folder.Read();
        Assert.That(contents.Runs, Is.Empty, "a link is not a run");
        Assert.That(contents.Links.Single().Run.Commit, Is.EqualTo(NewAnchor));
    }

    [Test]
    public void TheSqliteIndexIsRebuiltFromTheFolderAndReadsBackTheSameRunsAndLinks()
    {
        var folder = new HistoryFolder(Folder);
        folder.Add(Run(Commit(1), Anchor, 0, ("A", 1.0)));
        folder.Add(Run(Commit(2), NewAnchor, 1, ("A", 1.1)));
        folder.AddLink(Run(NewAnchor, Anchor, 1, ("A", 0.9)));
        var store = new HistoryStore(Path.Combine(Folder, "index", "perf-history.db"));
        store.IndexFolder(new HistoryFolderContents([new StoredRun("stale.json", Run(Commit(9), Anchor, 9))], [], []));

        Assert.That(store.IndexFolder(folder.Read()), Is.EqualTo(3));

        var indexed = store.IndexedFolder();
        var read = folder.Read();
        Assert.That(indexed.Runs.Select(r => r.File), Is.EqualTo(read.Runs.Select(r => r.File)), "rebuilt: the stale entry is gone");
        Assert.That(indexed.Runs.Select(r => r.Run.Benchmarks.Single().Ratio), Is.EqualTo(new double?[] { 1.0, 1.1 }));
        Assert.That(indexed.Links.Single().Run.Commit, Is.EqualTo(NewAnchor));
    }

    [Test]
    public void ADatabaseOfSchema2GainsTheIndexAndKeepsItsRuns()
    {
        var path = Path.Combine(Folder, "old.db");
        var old = new HistoryStore(path, HistorySchema.Migrations.Take(2).ToArray());
        old.Append(HistorySamples.Report(Commit(1), "main", PairedWith("A", 1.2)));

        var store = new HistoryStore(path);
        store.IndexFolder(new HistoryFolderContents([new StoredRun("r.json", Run(Commit(1), Anchor, 0, ("A", 1.2)))], [], []));

        Assert.That(store.SchemaVersion(), Is.EqualTo(3));
        Assert.That(store.Series("A").Single().Ratio, Is.EqualTo(1.2));
        Assert.That(store.IndexedFolder().Runs, Has.Count.EqualTo(1));
    }

    [Test]
    public void RemovingDeletesRunFilesAndToleratesOnesAlreadyGone()
    {
        var folder = new HistoryFolder(Folder);
        var first = Path.GetFileName(folder.Add(Run(Commit(1), Anchor, 0, ("A", 1.0))));
        folder.Add(Run(Commit(2), Anchor, 1, ("A", 1.0)));

        var removed = folder.Remove([first, "20200101T000000-gone.json"]);

        Assert.That(removed, Is.EqualTo(1));
        Assert.That(folder.Read().Runs.Single().Run.Commit, Is.EqualTo(Commit(2)));
    }

    [TestCase("anchors/x-y.json")]
    [TestCase("../elsewhere.json")]
    [TestCase("notes.txt")]
    public void RemovingRefusesAnythingButARunFileOfTheFolder(string file)
    {
        var folder = new HistoryFolder(Folder);
        folder.Add(Run(Commit(1), Anchor, 0, ("A", 1.0)));

        Assert.That(() => folder.Remove([file]), Throws.ArgumentException.With.Message.Contains("is not a run file of"));
    }
}
