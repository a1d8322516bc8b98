using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Tests.Baselines;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Paired.SyntheticSamples;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>Interleaved processes with the processes faked: what each is asked, and how pairs of side levels are decided.</summary>
public class InterleavedComparisonTests
{
    private const string Assembly = "/work/perf/bin/Foo.PerfTests.dll";
    private static readonly BaselineCode Code = BaselineCode.At("/cache/base/bin", "1b56a1b0c0ffee", "commit 1b56a1b");
    private static readonly PairedPolicy Policy = InterleavedComparison.Policy(new PairedPolicy());

    [Test]
    public void EachProcessMeasuresOneBuildUnderBothLabelsAndTheBaselineRunsOnTheCurrentFrameworkWithItsOwnRuntimeSettings()
    {
        var requests = new List<PairedRequest>();

        Decide(request =>
        {
            requests.Add(request);
            return Level(100);
        }, ownHosts: false);

        var baseline = requests.Where(r => r.BaselineDirectory == "/cache/base/bin").ToArray();
        var current = requests.Where(r => r.BaselineDirectory == "/work/perf/bin").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(baseline, Has.Length.EqualTo(current.Length).And.Length.GreaterThanOrEqualTo(3), "one of each per pair, 3 pairs at least");
            Assert.That(requests.Select(r => r.CurrentDirectory), Is.EqualTo(requests.Select(r => r.BaselineDirectory)), "one build per process");
            Assert.That(baseline.Select(r => r.RuntimeConfig), Has.All.EqualTo("/cache/base/bin/Foo.PerfTests.runtimeconfig.json"));
            Assert.That(requests.Select(r => r.HostDirectory), Has.All.EqualTo("/work/perf/bin"));
            Assert.That(current.Select(r => r.RuntimeConfig), Has.All.Null);
            Assert.That(requests.Select(r => r.PackagesPerCopy), Has.All.EqualTo(new[] { "Foo.Lib" }));
        });
    }

    [Test]
    public void AcrossTargetFrameworksEachSideStartsFromItsOwnBuild()
    {
        var requests = new List<PairedRequest>();

        Decide(request =>
        {
            requests.Add(request);
            return Level(100);
        }, ownHosts: true);

        Assert.That(requests.Select(r => r.HostDirectory), Is.EqualTo(requests.Select(r => r.BaselineDirectory)));
        Assert.That(requests.Select(r => r.RuntimeConfig), Has.All.Null);
    }

    [Test]
    public void TwiceTheTimeInTheCurrentBuildsProcessesRegressesAndSaysHowItWasMeasured()
    {
        var outcome = Decide(request => Level(request.BaselineDirectory == "/cache/base/bin" ? 100 : 200), ownHosts: false);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
            Assert.That(outcome.Method, Is.EqualTo(ComparisonMethod.Interleaved));
            Assert.That(outcome.Ratio, Is.EqualTo(2.0).Within(1e-9));
            Assert.That(outcome.Processes, Is.EqualTo(3), "three pairs before any decision");
            Assert.That(outcome.BuildDifferences, Is.EqualTo(new[] { "runtime (System.GC.Server false → true)" }));
            Assert.That(outcome.Message, Does.Contain("(interleaved: 3 pairs of processes × 4 copies, one build per process, in random order; the builds differ in runtime (System.GC.Server false → true))"));
        });
    }

    [Test]
    public void ABaselineWithoutTheTestIsNew()
    {
        var outcome = Decide(request => request.BaselineDirectory == "/cache/base/bin"
            ? (new PairedChildResult(null, true, "the baseline has no test", Side.Baseline), null)
            : Level(100), ownHosts: false);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.New));
    }

    [Test]
    public void AProcessThatFailedIsInconclusiveNamingItsSide()
    {
        var outcome = Decide(request => request.BaselineDirectory == "/cache/base/bin" ? (null, "exited with 134") : Level(100), ownHosts: false);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.Contain("an interleaved process of the baseline failed: exited with 134"));
    }

    [Test]
    public void APairComparesTheLevelsAndKeepsBothProcessesSelfChanges()
    {
        var pair = InterleavedComparison.Combine(new SideLevel(Math.Log(100), [0.01], 100, 8, 8, 20), new SideLevel(Math.Log(150), [-0.02], 150, 16, 6, 30));

        Assert.That(pair.Change, Is.EqualTo(Math.Log(1.5)).Within(1e-12));
        Assert.That(pair.SelfChanges, Is.EqualTo(new[] { 0.01, -0.02 }));
        Assert.That((pair.BaselineMedianNanoseconds, pair.CurrentMedianNanoseconds), Is.EqualTo((100.0, 150.0)));
        Assert.That((pair.BaselineBytesPerOperation, pair.CurrentBytesPerOperation), Is.EqualTo((8.0, 16.0)));
        Assert.That((pair.CopiesPerSide, pair.Rounds), Is.EqualTo((6, 20)));
    }

    private static GateOutcome Decide(Func<PairedRequest, (PairedChildResult?, string?)> run, bool ownHosts) =>
        InterleavedComparison.Decide(SampleResults.Result("Kernel(10)"), Code, Assembly, Policy, ["runtime (System.GC.Server false → true)"], ownHosts,
            run, ["Foo.Lib"]);

    /// <summary>A process of one build whose copies (under both labels) all take <paramref name="nanoseconds"/>.</summary>
    private static (PairedChildResult?, string?) Level(double nanoseconds) =>
        (new PairedChildResult(Of([nanoseconds, nanoseconds], [nanoseconds, nanoseconds]), false, null, null), null);
}
