using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.PerfMonitor;
using ActiveInference.PerfMonitor.Commands;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.PerfMonitor.MonitorSamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class RunCommandTests
{
    private MonitorSamples _samples = null!;

    [SetUp]
    public void SetUp()
    {
        _samples = new MonitorSamples();
        // Make the temp directory the repository root: a solution file and perf.runsettings.
        File.WriteAllText(_samples.PathOf("Fake.sln"), "");
        File.WriteAllText(_samples.PathOf(RunCommand.RunSettingsFile), "<RunSettings />");
    }

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void BuildsTheDotnetTestCommandWithTheFlagsAsPerfEnvironmentVariables()
    {
        var root = _samples.Directory;
        var request = new RunRequest(Threshold: 0.15, Filter: "FullyQualifiedName~FreeEnergy", UpdateBaseline: true, Shard: new Shard(2, 3), NoBuild: true, BaselineRef: "1b56a1b");
        var spec = RunCommand.BuildSpec(request, root, Path.Combine(root, "out"), Path.Combine(root, "perf-tests", "P", "P.csproj"));
        Assert.That(spec.FileName, Is.EqualTo("dotnet"));
        Assert.That(spec.Arguments, Is.EqualTo(new[]
        {
            "test", Path.Combine(root, "perf-tests", "P", "P.csproj"), "-c", "Release", "--settings", Path.Combine(root, "perf.runsettings"),
            "--logger", "console;verbosity=normal", "--no-build", "--filter", "TestCategory=Performance&(FullyQualifiedName~FreeEnergy)",
        }));
        Assert.That(spec.Environment["PERF_THRESHOLD"], Is.EqualTo("0.15"));
        Assert.That(spec.Environment["PERF_MODE"], Is.EqualTo("record"));
        Assert.That(spec.Environment["PERF_SHARD"], Is.EqualTo("2/3"));
        Assert.That(spec.Environment["PERF_BASELINE_REF"], Is.EqualTo("1b56a1b"));
        Assert.That(spec.Environment["PERF_RESULTS_DIRECTORY"], Is.EqualTo(Path.Combine(root, "out")));
        Assert.That(spec.Environment.ContainsKey("GITHUB_STEP_SUMMARY") && spec.Environment["GITHUB_STEP_SUMMARY"] is null, Is.True, "the child must not append to the job summary too");
        Assert.That(spec.WorkingDirectory, Is.EqualTo(root));
    }

    [Test]
    public void WithoutFlagsPassesNoFilterNoModeNoThreshold()
    {
        var spec = RunCommand.BuildSpec(new RunRequest(), _samples.Directory, _samples.PathOf("out"), null);
        Assert.That(spec.Arguments, Does.Not.Contain("--filter"));
        Assert.That(spec.Arguments[1], Is.EqualTo("-c"), "no project: dotnet test picks the solution");
        Assert.That(spec.Environment.Keys, Is.EquivalentTo(new[] { "PERF_RESULTS_DIRECTORY", "GITHUB_STEP_SUMMARY" }));
    }

    [Test]
    public void ACleanRunStreamsProgressPrintsTheTableAndCopiesTheReport()
    {
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed), Result("FreeEnergy(10)", 2000, Verdict.New)));
        var outcome = _samples.Invoke(runner, null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("  Passed Update(10) [1 s]"));
        Assert.That(outcome.Out, Does.Not.Contain("Build started"));
        Assert.That(outcome.Out, Does.Contain("2 benchmarks: 1 passed, 1 new"));
        Assert.That(File.ReadAllText(_samples.PathOf("performance_report.md")), Does.StartWith("# Performance Report"));
        Assert.That(runner.Spec!.Environment["PERF_RESULTS_DIRECTORY"], Is.EqualTo(_samples.PathOf(Path.Combine("TestResults", "perf"))));
    }

    [Test]
    public void ARegressionExitsOne()
    {
        var runner = new FakeDotnetTest(1, Run(Result("Update(10)", 1300, Verdict.Regressed), Result("FreeEnergy(10)", 2000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, null, "run", "--threshold", "0.1", "--output", "reports/perf.md");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Regression), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("1 regression(s): Update(10)"));
        Assert.That(File.ReadAllText(_samples.PathOf("reports/perf.md")), Does.Contain("Regressions Detected"));
        Assert.That(runner.Spec!.Environment["PERF_THRESHOLD"], Is.EqualTo("0.1"));
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    public void AGateRunThatComparedNoBenchmarkExitsTwoSayingWhyOnce(int dotnetExitCode, bool inconclusiveAsFailure)
    {
        var run = Run(NothingToCompare("Update(10)"), NothingToCompare("FreeEnergy(10)"));
        run = run with { Config = new Dictionary<string, string>(run.Config) { ["inconclusive_as_failure"] = inconclusiveAsFailure ? "true" : "false" } };
        var outcome = _samples.Invoke(new FakeDotnetTest(dotnetExitCode, run), null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("perfmonitor: 2 of 2 benchmarks could not be compared: " + NoBaselines + "\n"));
        Assert.That(outcome.Error, Does.Contain("perfmonitor: this gate run compared no benchmark, so it gated nothing. Record baselines: perfmonitor run --update-baseline"));
        Assert.That(outcome.Error.Split("could not be compared"), Has.Length.EqualTo(2), "once per run");
        Assert.That(File.ReadAllText(_samples.PathOf("performance_report.md")), Does.Contain("Nothing was gated"));
    }

    [TestCase("Unchanged")]
    [TestCase("New")]
    [TestCase("Passed")]
    public void OneComparedBenchmarkAmongInconclusiveOnesIsACleanRun(string verdictName)
    {
        var verdict = Enum.Parse<Verdict>(verdictName);
        var outcome = _samples.Invoke(new FakeDotnetTest(0, Run(NothingToCompare("Update(10)"), Result("FreeEnergy(10)", 2000, verdict))), null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Error, Does.Not.Contain("could not be compared"));
    }

    [Test]
    public void AShardHoldingNoBenchmarkIsClean()
    {
        var outcome = _samples.Invoke(new FakeDotnetTest(0, Run(Array.Empty<GatedResult>())), null, "run", "--shard", "3/3");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Error, Does.Not.Contain("could not be compared"));
    }

    [Test]
    public void ARecordRunThatComparedNothingIsClean()
    {
        var run = Run(Result("Update(10)", 1000, Verdict.NotCompared)) with { Config = new Dictionary<string, string> { ["mode"] = "record" } };
        Assert.That(_samples.Invoke(new FakeDotnetTest(0, run), null, "run", "--update-baseline").Code, Is.EqualTo(ExitCodes.Clean));
    }

    [Test]
    public void NoResultsIsAnInfrastructureErrorShowingTheEndOfTheOutput()
    {
        var runner = new FakeDotnetTest(1, null, "Program.cs(3,1): error CS1002: ; expected");
        var outcome = _samples.Invoke(runner, null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("error CS1002"));
        Assert.That(outcome.Error, Does.Contain("wrote no new"));
    }

    [Test]
    public void AResultsFileLeftFromAnEarlierRunIsNotTakenForThisRun()
    {
        _samples.WriteResults(Path.Combine("TestResults", "perf", "results.json"), Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(new FakeDotnetTest(0, null), null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
    }

    [Test]
    public void AFailedTestRunWithoutARegressionIsAnInfrastructureError()
    {
        var outcome = _samples.Invoke(new FakeDotnetTest(1, Run(Result("Update(10)", 1000, Verdict.Passed))), null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("no benchmark regressed"));
    }

    [Test]
    public void ACorruptResultsFileIsAnInfrastructureError()
    {
        var runner = new FakeDotnetTest(0, null) { RawResults = "{ broken" };
        var outcome = _samples.Invoke(runner, null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("results.json"));
    }

    [Test]
    public void ABadShardIsAUsageErrorAndRunsNothing()
    {
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, null, "run", "--shard", "4/3");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("--shard"));
        Assert.That(runner.Spec, Is.Null);
    }

    [Test]
    public void TheShardReachesTheTestHost()
    {
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        Assert.That(_samples.Invoke(runner, null, "run", "--shard", "2/3").Code, Is.EqualTo(ExitCodes.Clean));
        Assert.That(runner.Spec!.Environment["PERF_SHARD"], Is.EqualTo("2/3"));
    }

    [Test]
    public void TheBaselineRefReachesTheTestHostAsTheBaselineRefSettingAndNeverAsAnArgument()
    {
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, null, "run", "--baseline-ref", "origin/main~1");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(runner.Spec!.Environment["PERF_BASELINE_REF"], Is.EqualTo("origin/main~1"));
        Assert.That(runner.Spec.Arguments, Has.None.Contains("origin/main~1"));
        Assert.That(outcome.Out, Does.Contain("PERF_BASELINE_REF=origin/main~1 "), "the printed command line says which baseline");
    }

    [Test]
    public void TheSummaryTableSaysWhatEachVerdictWasMeasuredAgainst()
    {
        var paired = Result("Update(10)", 1000, Verdict.Passed) with
        {
            Gate = new GateOutcome
            {
                Verdict = Verdict.Passed,
                Message = "passed",
                Ratio = 1.01,
                Threshold = 0.1,
                BaselineMedianNanoseconds = 990,
                CurrentMedianNanoseconds = 1000,
                Method = ComparisonMethod.Paired,
                Baseline = "commit 1b56a1b",
                Processes = 2,
                CopiesPerSide = 4,
                NoiseFloor = 0.02,
            },
        };
        var runner = new FakeDotnetTest(0, Run(paired, Result("FreeEnergy(10)", 2000, Verdict.New)));
        var outcome = _samples.Invoke(runner, null, "run", "--baseline-ref", "1b56a1b");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Benchmark\s+Median\s+Baseline \(raw\)\s+Change\s+Verdict\s+Against"));
        Assert.That(outcome.Out, Does.Match(@"Kernels\.Update\(10\)\s+[0-9.]+ (ns|µs)\s+990\.0 ns\s+\+1\.0%\s+Passed\s+commit 1b56a1b \(paired 2×4\)"));
    }

    [Test]
    public void ABaselineFolderIsPassedAsAFullPathBecauseTheTestHostResolvesAgainstTheRepositoryRoot()
    {
        Directory.CreateDirectory(_samples.PathOf(Path.Combine("cache", "baseline build")));
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, null, "run", "--baseline-ref", "cache/baseline build");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(runner.Spec!.Environment["PERF_BASELINE_REF"], Is.EqualTo(_samples.PathOf(Path.Combine("cache", "baseline build"))));
    }

    [TestCase("--baseline-ref=-x")]
    [TestCase("--baseline-ref=--upload-pack=touch /tmp/pwned")]
    [TestCase("--baseline-ref=")]
    public void ABaselineRefBeginningWithADashOrEmptyIsAUsageErrorAndRunsNothing(string argument)
    {
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, null, "run", argument);
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("--baseline-ref"));
        Assert.That(runner.Spec, Is.Null);
    }

    [Test]
    public void ADashValueAfterTheOptionIsRefusedWithTheReason()
    {
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, null, "run", "--baseline-ref", "-x");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("--baseline-ref '-x' must be a commit-ish (a branch, tag or hash) or a folder; it cannot begin with '-'"));
        Assert.That(runner.Spec, Is.Null);
    }

    [Test]
    public void ABaselineRefMissingItsValueIsAUsageError()
    {
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, null, "run", "--baseline-ref", "--no-build");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("--baseline-ref"));
        Assert.That(runner.Spec, Is.Null);
    }

    [Test]
    public void BuildSpecRefusesADashBaselineRefEvenWhenCalledDirectly()
    {
        var error = Assert.Throws<MonitorException>(() => RunCommand.BuildSpec(new RunRequest(BaselineRef: "-c"), _samples.Directory, _samples.PathOf("out"), null))!;
        Assert.That(error.Message, Does.Contain("cannot begin with '-'"));
    }

    [Test]
    public void AppendsTheReportToTheStepSummaryOnce()
    {
        var summary = _samples.PathOf("summary.md");
        var runner = new FakeDotnetTest(0, Run(Result("Update(10)", 1000, Verdict.Passed)));
        var outcome = _samples.Invoke(runner, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        var text = File.ReadAllText(summary);
        Assert.That(text.Split("# Performance Report"), Has.Length.EqualTo(2));
    }

    [Test]
    public void AMissingRunSettingsFileIsAnError()
    {
        File.Delete(_samples.PathOf(RunCommand.RunSettingsFile));
        var outcome = _samples.Invoke(new FakeDotnetTest(0, null), null, "run");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(outcome.Error, Does.Contain("perf.runsettings"));
    }

    [Test]
    public void ProgressShowsTestsAndBuildErrorsOnly()
    {
        Assert.That(ProgressFilter.IsProgress("Passed FreeEnergy(10) [3 s]"), Is.True);
        Assert.That(ProgressFilter.IsProgress("Failed Update(1000) [9 s]"), Is.True);
        Assert.That(ProgressFilter.IsProgress("Skipped Kernel(1) [< 1 ms]"), Is.True);
        Assert.That(ProgressFilter.IsProgress("X.cs(1,2): error CS0001: boom"), Is.True);
        Assert.That(ProgressFilter.IsProgress("Determining projects to restore..."), Is.False);
    }

    /// <summary>An inconclusive result for want of anything to compare with, its message as the gate words it.</summary>
    internal static GatedResult NothingToCompare(string name) =>
        Result(name, 1000) with { Gate = new GateOutcome { Verdict = Verdict.Inconclusive, Message = VerdictMessage.Plain(name, Verdict.Inconclusive, NoBaselines), Threshold = 0.1, CurrentMedianNanoseconds = 1000 } };

    internal const string NoBaselines = "nothing to compare with: there is no baseline code (there is no baselines file to name a baseline commit) and no baselines file at /r/baselines.json";

    /// <summary>Stands in for dotnet test: prints a few lines, writes the prepared results where the test host would, returns an exit code.</summary>
    private sealed class FakeDotnetTest(int exitCode, RunReport? results, params string[] lines) : IProcessRunner
    {
        public ProcessSpec? Spec { get; private set; }

        public string? RawResults { get; init; }

        public int Run(ProcessSpec spec, Action<string> onLine)
        {
            Spec = spec;
            onLine("Build started");
            foreach (var line in lines)
                onLine(line);
            var directory = spec.Environment["PERF_RESULTS_DIRECTORY"]!;
            if (results is not null)
            {
                foreach (var r in results.Results)
                    onLine($"  {(r.Gate?.Verdict == Verdict.Regressed ? "Failed" : "Passed")} {r.Measured.Name} [1 s]");
                CompositeExporter.Standard().ExportAll(results, directory);
            }
            if (RawResults is not null)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, "results.json"), RawResults);
            }
            return exitCode;
        }
    }
}
