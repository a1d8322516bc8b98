using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Fixtures;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>
/// The paired gate through the real NUnit engine and real child processes: the current side is the Fixtures assembly
/// this test project runs, the baseline a copy of it in a temporary folder whose marker file gives the baseline other
/// costs (3x: effects this large cannot flake), no case, or a case that throws.
/// </summary>
[NonParallelizable]
public class PairedGateEndToEndTests
{
    private string _baseline = "";
    private string _results = "";

    [SetUp]
    public void CopyBaseline()
    {
        _baseline = Directory.CreateTempSubdirectory("perf-paired-baseline-").FullName;
        _results = Directory.CreateTempSubdirectory("perf-paired-results-").FullName;
        var current = Path.GetDirectoryName(typeof(SideFixtures).Assembly.Location)!;
        string[] own = [.. new[] { ".dll", ".deps.json", ".runtimeconfig.json" }.Select(e => "ActiveInference.Benchmarking.Fixtures" + e)];
        foreach (var file in own)
            File.Copy(Path.Combine(current, file), Path.Combine(_baseline, file));
        // The rest of a build (its packages, their native files) is the same as the current build's: linked, not copied.
        foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos().Where(e => !own.Contains(e.Name)))
        {
            var link = Path.Combine(_baseline, entry.Name);
            if (entry is DirectoryInfo) Directory.CreateSymbolicLink(link, entry.FullName);
            else File.CreateSymbolicLink(link, entry.FullName);
        }
    }

    [TearDown]
    public void Clean()
    {
        Directory.Delete(_baseline, recursive: true);
        Directory.Delete(_results, recursive: true);
    }

    [Test]
    public void ThreeTimesSlowerThanTheBaselineBuildFailsPaired()
    {
        var outcome = Run(marker: (SideFixtures.DefaultUnits / 3).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Result.ResultState, Is.EqualTo(ResultState.Failure), outcome.Gate.Message);
            Assert.That(outcome.Gate.Verdict, Is.EqualTo(Verdict.Regressed));
            Assert.That(outcome.Gate.Method, Is.EqualTo(ComparisonMethod.Paired));
            Assert.That(outcome.Gate.Processes, Is.GreaterThanOrEqualTo(2));
            Assert.That(outcome.Gate.CopiesPerSide, Is.GreaterThanOrEqualTo(2));
            Assert.That(outcome.Gate.Ratio, Is.GreaterThan(2.0));
            Assert.That(outcome.Gate.Baseline, Is.EqualTo("the test baseline"));
            Assert.That(outcome.Result.Message, Does.StartWith("Work(1) regressed: +").And.Contain("against the test baseline (paired: ").And.Contain("threshold 50%").And.Contain("raw medians"));
        });
    }

    [Test]
    public void TheSameBuildOnBothSidesPasses()
    {
        var outcome = Run(marker: null);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Gate.Verdict, Is.EqualTo(Verdict.Passed), outcome.Gate.Message);
            Assert.That(outcome.Result.ResultState, Is.EqualTo(ResultState.Success));
            Assert.That(outcome.Gate.Ratio, Is.InRange(0.6, 1.6), "copies land up to ±40% apart, the mean of processes less");
            // A tight loop in the copies' own code lands ±40% apart by placement, so the floor can be wide; it is reported.
            Assert.That(outcome.Gate.NoiseFloor, Is.Not.Null);
            Assert.That(outcome.Gate.SelfRatios, Has.Count.EqualTo(2 * outcome.Gate.Processes), "two A/A comparisons per process");
            Assert.That(outcome.Result.Message, Does.StartWith("Work(1) passed: "));
        });
    }

    [Test]
    public void ThreeTimesFasterThanTheBaselineBuildIsImprovedAndSuggestsRecording()
    {
        var outcome = Run(marker: (SideFixtures.DefaultUnits * 3).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Gate.Verdict, Is.EqualTo(Verdict.Improved), outcome.Gate.Message);
            Assert.That(outcome.Result.ResultState, Is.EqualTo(ResultState.Success));
            Assert.That(outcome.Gate.Ratio, Is.LessThan(0.5));
            Assert.That(outcome.Result.Message, Does.StartWith("Work(1) improved: -").And.Contain("record new baselines"));
        });
    }

    [Test]
    public void ACaseTheBaselineDoesNotHaveIsNew()
    {
        var outcome = Run(marker: "no-cases");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Gate.Verdict, Is.EqualTo(Verdict.New), outcome.Gate.Message);
            Assert.That(outcome.Result.ResultState, Is.EqualTo(ResultState.Success));
            Assert.That(outcome.Result.Message, Does.StartWith("Work(1) is new: the test baseline has no such test"));
        });
    }

    [Test]
    public void ABaselineThatThrowsIsInconclusiveNamingTheException()
    {
        var outcome = Run(marker: "throw");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Gate.Verdict, Is.EqualTo(Verdict.Inconclusive), outcome.Gate.Message);
            Assert.That(outcome.Result.ResultState, Is.EqualTo(ResultState.Inconclusive));
            Assert.That(outcome.Result.Message, Does.Contain("the baseline's Work(1) throws: InvalidOperationException: " + SideFixtures.ThrowMessage));
        });
    }

    [Test]
    public void ABaselineThatNoLongerBindsToTheFrameworkIsInconclusiveNamingTheMember()
    {
        var outcome = Run(marker: "bind");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Gate.Verdict, Is.EqualTo(Verdict.Inconclusive), outcome.Gate.Message);
            Assert.That(outcome.Result.Message, Does.Contain("the baseline's Work(1) does not bind to this framework: MissingMethodException: " + SideFixtures.MissingMember));
        });
    }

    [Test]
    public void NoBaselineCodeAndNoBaselinesFileIsInconclusiveNotNew()
    {
        var session = Session(_ => BaselineCode.None("the test has no baseline code"));

        var run = FixtureRun.Of(typeof(SideFixtures), session);

        var gate = run.Gate("Work(1)")!;
        Assert.Multiple(() =>
        {
            Assert.That(gate.Verdict, Is.EqualTo(Verdict.Inconclusive), gate.Message);
            Assert.That(gate.Message, Does.Contain("the test has no baseline code").And.Contain("no baselines file"));
        });
    }

    [Test]
    public void ABaselineRefThatNamesNothingFailsEveryBenchmarkBeforeMeasuring()
    {
        var session = Session(_ => BaselineCode.Invalid("baselineRef 'nope' names no commit"));

        var run = FixtureRun.Of(typeof(SideFixtures), session);

        Assert.Multiple(() =>
        {
            Assert.That(run.Case("Work(1)").ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(run.Case("Work(1)").Message, Is.EqualTo("baselineRef 'nope' names no commit"));
            Assert.That(session.Results, Is.Empty, "nothing was measured");
        });
    }

    [Test]
    public void EveryCopyRunsThePerCaseSetupWithTheCaseArguments()
    {
        var run = FixtureRun.Of(typeof(PairedCaseSetupFixtures), Session(_ => BaselineCode.At(_baseline, null, "the test baseline")));

        var gate = run.Gate("Work(48)")!;
        Assert.Multiple(() =>
        {
            Assert.That(gate.Method, Is.EqualTo(ComparisonMethod.Paired), gate.Message);
            Assert.That(gate.Verdict, Is.Not.EqualTo(Verdict.Inconclusive), gate.Message);
        });
    }

    private (ITestResult Result, GateOutcome Gate) Run(string? marker)
    {
        if (marker is not null) File.WriteAllText(Path.Combine(_baseline, SideFixtures.MarkerFile), marker);
        var run = FixtureRun.Of(typeof(SideFixtures), Session(_ => BaselineCode.At(_baseline, null, "the test baseline")));
        return (run.Case("Work(1)"), run.Gate("Work(1)")!);
    }

    private PerfSession Session(Func<string, BaselineCode> baselineCode)
    {
        var options = FixtureRun.Session(PerfMode.Gate, _results).Options;
        return new PerfSession(options, null, ActiveInference.Benchmarking.Baselines.MachineProfile.Detect(ActiveInference.Benchmarking.Engine.EngineFingerprint.Current), baselineCode: baselineCode);
    }
}
