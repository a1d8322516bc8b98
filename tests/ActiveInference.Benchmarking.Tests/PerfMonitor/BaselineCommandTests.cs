using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.PerfMonitor;
using ActiveInference.PerfMonitor.Commands;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.PerfMonitor.MonitorSamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class BaselineCommandTests
{
    private MonitorSamples _samples = null!;

    [SetUp]
    public void SetUp() => _samples = new MonitorSamples();

    [TearDown]
    public void TearDown() => _samples.Dispose();

    private BaselineDocument Load(string name) => new BaselineStore().Load(_samples.PathOf(name)).Document!;

    [Test]
    public void UpdateRecordsTheTrustworthyResultsUnderTheRebuiltProfile()
    {
        _samples.WriteResults("results.json", Run(Result("Update(10)", 1000), Result("Debug(1)", 5, trust: ["Debug build"])));
        var outcome = _samples.Invoke("baseline", "update", "results.json", "--baselines", "baselines.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("rebuilt from the results file's machine profile description"));
        Assert.That(outcome.Out, Does.Contain("skip ActiveInference.Core.PerfTests.Kernels.Debug(1): not trustworthy"));
        Assert.That(outcome.Out, Does.Contain("+ " + Profile.Id + " ActiveInference.Core.PerfTests.Kernels.Update(10): 1 recording(s)"));
        var stored = Load("baselines.json").Profiles[Profile.Id];
        Assert.That(stored.Profile, Is.EqualTo(Profile), "every field rebuilt, so the id is the computed one");
        Assert.That(stored.Benchmarks.Keys, Is.EqualTo(new[] { "ActiveInference.Core.PerfTests.Kernels.Update(10)" }));
        Assert.That(stored.Benchmarks.Values.Single().Single().Commit, Is.EqualTo("0123456789abcdef"));
    }

    [Test]
    public void UpdateDryRunShowsTheChangeAndWritesNothing()
    {
        _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000)));
        var before = File.ReadAllText(_samples.PathOf("baselines.json"));
        _samples.WriteResults("results.json", Run(Result("Update(10)", 1100), Result("Brand(1)", 10)) with { Timestamp = Time.AddDays(1) });
        var outcome = _samples.Invoke("baseline", "update", "results.json", "--baselines", "baselines.json", "--dry-run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("as already stored in the baselines file"));
        Assert.That(outcome.Out, Does.Contain("~ " + Profile.Id + " ActiveInference.Core.PerfTests.Kernels.Update(10): 1 -> 2 recording(s) (1 new, 0 dropped)"));
        Assert.That(outcome.Out, Does.Contain("+ " + Profile.Id + " ActiveInference.Core.PerfTests.Kernels.Brand(1)"));
        Assert.That(outcome.Out, Does.Contain("Dry run"));
        Assert.That(File.ReadAllText(_samples.PathOf("baselines.json")), Is.EqualTo(before));
    }

    [Test]
    public void UpdateDryRunSeesTheRecordedSamplesAndLeavesBothFiles()
    {
        _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000)));
        var samplesBefore = File.ReadAllText(_samples.PathOf("baselines.samples.json"));
        _samples.WriteResults("results.json", Run(Result("Update(10)", 1100)) with { Timestamp = Time.AddDays(1) });

        var outcome = _samples.Invoke("baseline", "update", "results.json", "--baselines", "baselines.json", "--dry-run");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(File.ReadAllText(_samples.PathOf("baselines.samples.json")), Is.EqualTo(samplesBefore));
    }

    [Test]
    public void UpgradeRewritesAVersion1FileAsSummariesAndASamplesFileKeepingEveryRecording()
    {
        File.WriteAllText(_samples.PathOf("baselines.json"), Baselines.BaselineJsonTests.Version1Text);

        var outcome = _samples.Invoke("baseline", "upgrade", "--baselines", "baselines.json");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("baselines.samples.json: 1 recording(s)").And.Not.Contain("without samples"));
        Assert.That(File.ReadAllText(_samples.PathOf("baselines.json")), Is.EqualTo(Baselines.BaselineJsonTests.SampleText));
        Assert.That(File.ReadAllText(_samples.PathOf("baselines.samples.json")), Is.EqualTo(Baselines.BaselineJsonTests.SamplesText));
    }

    [Test]
    public void UpgradeOfAMissingFileIsAnErrorAndWritesNothing()
    {
        var outcome = _samples.Invoke("baseline", "upgrade", "--baselines", "baselines.json");

        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("no baselines file there"));
        Assert.That(File.Exists(_samples.PathOf("baselines.samples.json")), Is.False);
    }

    [Test]
    public void UpdateWithNothingTrustworthyIsAnError()
    {
        _samples.WriteResults("results.json", Run(Result("Debug(1)", 5, trust: ["Debug build"])));
        var outcome = _samples.Invoke("baseline", "update", "results.json", "--baselines", "baselines.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(File.Exists(_samples.PathOf("baselines.json")), Is.False);
    }

    [Test]
    public void UpdateRefusesACorruptBaselinesFileAndLeavesIt()
    {
        _samples.WriteResults("results.json", Run(Result("Update(10)", 1000)));
        File.WriteAllText(_samples.PathOf("baselines.json"), "{ broken");
        var outcome = _samples.Invoke("baseline", "update", "results.json", "--baselines", "baselines.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(File.ReadAllText(_samples.PathOf("baselines.json")), Is.EqualTo("{ broken"));
    }

    [Test]
    public void AProfileDescriptionThatDoesNotParseFallsBackToDetectionKeepingTheId()
    {
        var run = Run(Result("Update(10)", 1000)) with { MachineProfileId = "ci-linux", MachineProfileDescription = "something else" };
        var (profile, how) = BaselineCommand.Profile(run, BaselineDocument.Empty);
        Assert.That(profile.Id, Is.EqualTo("ci-linux"));
        Assert.That(how, Does.Contain("detected on this machine"));
    }

    [Test]
    public void ShowListsProfilesAndOneBenchmarksRecordings()
    {
        _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000), Result("FreeEnergy(10)", 2000)));
        var all = _samples.Invoke("baseline", "show", "--baselines", "baselines.json");
        Assert.That(all.Code, Is.EqualTo(ExitCodes.Clean), all.ToString());
        Assert.That(all.Out, Does.Contain("Profile " + Profile.Id).And.Match(@"Kernels\.FreeEnergy\(10\): centre 1\.998 µs, 1 recording").And.Match(@"Kernels\.Update\(10\): centre 998\.9 ns"));
        var one = _samples.Invoke("baseline", "show", "Update(10)", "--baselines", "baselines.json");
        Assert.That(one.Code, Is.EqualTo(ExitCodes.Clean), one.ToString());
        Assert.That(one.Out, Does.Contain("commit 0123456789abcdef: median 998.9 ns, n=20").And.Not.Contain("FreeEnergy"));
        var unknown = _samples.Invoke("baseline", "show", "Nope(3)", "--baselines", "baselines.json");
        Assert.That(unknown.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(unknown.Error, Does.Contain("unknown benchmark 'Nope(3)'"));
    }

    [Test]
    public void PruneKeepsTheNewestRecordings()
    {
        for (var day = 0; day < 4; day++)
            _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000 + day)) with { Results = [new GatedResult(Result("Update(10)", 1000 + day).Measured with { Timestamp = Time.AddDays(day) })] });
        var dry = _samples.Invoke("baseline", "prune", "--keep", "2", "--baselines", "baselines.json", "--dry-run");
        Assert.That(dry.Code, Is.EqualTo(ExitCodes.Clean), dry.ToString());
        Assert.That(dry.Out, Does.Contain("4 -> 2 recording(s) (0 new, 2 dropped)"));
        Assert.That(Load("baselines.json").Find(Profile.Id, "ActiveInference.Core.PerfTests.Kernels.Update(10)")!.Recordings, Has.Count.EqualTo(4));

        var real = _samples.Invoke("baseline", "prune", "--keep", "2", "--baselines", "baselines.json");
        Assert.That(real.Code, Is.EqualTo(ExitCodes.Clean), real.ToString());
        var kept = Load("baselines.json").Find(Profile.Id, "ActiveInference.Core.PerfTests.Kernels.Update(10)")!.Recordings;
        Assert.That(kept.Select(r => r.RecordedAt), Is.EqualTo(new[] { Time.AddDays(2), Time.AddDays(3) }));
    }

    [Test]
    public void PruneDropsAProfile()
    {
        _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000)));
        var other = new MachineProfile("Other CPU", 8, "Windows", "10.0.0", "1.0.0", "x");
        new BaselineStore().Record(_samples.PathOf("baselines.json"), other, [Result("Update(10)", 900).Measured], null);
        var outcome = _samples.Invoke("baseline", "prune", "--drop-profile", other.Id, "--baselines", "baselines.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("- profile " + other.Id + ": removed"));
        Assert.That(Load("baselines.json").Profiles.Keys, Is.EqualTo(new[] { Profile.Id }));
    }

    [Test]
    public void PruneNeedsSomethingToDropAndAKnownProfile()
    {
        _samples.WriteBaselines("baselines.json", Run(Result("Update(10)", 1000)));
        Assert.That(_samples.Invoke("baseline", "prune", "--baselines", "baselines.json").Code, Is.EqualTo(ExitCodes.Error));
        var unknown = _samples.Invoke("baseline", "prune", "--drop-profile", "nope", "--baselines", "baselines.json");
        Assert.That(unknown.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(unknown.Error, Does.Contain("no profile 'nope'"));
        Assert.That(_samples.Invoke("baseline", "prune", "--keep", "0", "--baselines", "baselines.json").Code, Is.EqualTo(ExitCodes.Error));
    }

    [Test]
    public void RewriteRefusesAMissingFile()
    {
        var result = new BaselineStore().Rewrite(_samples.PathOf("none.json"), d => d);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(File.Exists(_samples.PathOf("none.json")), Is.False);
    }
}
