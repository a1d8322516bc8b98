using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Tests.Baselines;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Paired.SyntheticSamples;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>The paired gate for one benchmark with its processes faked: what each process is asked, how its answer is read, and the outcome.</summary>
public class PairedComparisonTests
{
    private static readonly BaselineCode Code = BaselineCode.At("/cache/base/bin", "1b56a1b0c0ffee", "commit 1b56a1b");
    private static readonly PairedPolicy Policy = new();
    private const string Assembly = "/work/perf/bin/Foo.PerfTests.dll";

    [Test]
    public void EveryProcessIsAskedForTheSameCaseAndBuildsWithItsOwnSeed()
    {
        var requests = new List<PairedRequest>();
        var result = SampleResults.Result("Foo.PerfTests.Kernels.FreeEnergy(100)");

        PairedComparison.Decide(result, Code, Assembly, Policy with { MinProcesses = 3, CopiesPerSide = 3 }, request =>
        {
            requests.Add(request);
            return (new PairedChildResult(Of([100, 100, 100], [100, 100, 100]), false, null, null), null);
        });

        Assert.That(requests, Has.Count.EqualTo(3));
        Assert.That(requests.Select(r => r.FullName), Has.All.EqualTo("Foo.PerfTests.Kernels.FreeEnergy(100)"));
        Assert.That(requests.Select(r => r.EntryAssembly), Has.All.EqualTo("Foo.PerfTests.dll"));
        Assert.That(requests.Select(r => r.BaselineDirectory), Has.All.EqualTo("/cache/base/bin"));
        Assert.That(requests.Select(r => r.CurrentDirectory), Has.All.EqualTo("/work/perf/bin"));
        Assert.That(requests.Select(r => r.CopiesPerSide), Has.All.EqualTo(3));
        Assert.That(requests.Select(r => r.Seed).Distinct().Count(), Is.EqualTo(3), "placement and order differ per process");
    }

    [Test]
    public void AClearRegressionGivesAPairedOutcomeWithItsEvidence()
    {
        var outcome = PairedComparison.Decide(SampleResults.Result("Kernel(10)"), Code, Assembly, Policy,
            _ => (new PairedChildResult(Of([100, 100, 110, 110], [150, 150, 165, 165]), false, null, null), null));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Method, Is.EqualTo(ComparisonMethod.Paired));
        Assert.That(outcome.Ratio, Is.EqualTo(1.5).Within(1e-9));
        Assert.That(outcome.RatioInterval!.Value.Lower, Is.LessThan(1.5));
        Assert.That(outcome.RatioInterval!.Value.Upper, Is.GreaterThan(1.5));
        Assert.That(outcome.Processes, Is.EqualTo(3), "a regression is confirmed by a third process");
        Assert.That(outcome.CopiesPerSide, Is.EqualTo(4));
        Assert.That(outcome.Baseline, Is.EqualTo("commit 1b56a1b"));
        Assert.That(outcome.BaselineCommit, Is.EqualTo("1b56a1b0c0ffee"));
        Assert.That(outcome.Threshold, Is.EqualTo(0.10));
        Assert.That(outcome.BaselineMedianNanoseconds, Is.EqualTo(105).Within(1e-9));
        Assert.That(outcome.CurrentMedianNanoseconds, Is.EqualTo(157.5).Within(1e-9));
        // Self changes ln 1.1 in both halves: noise 0.77 × √(ln²1.1) per process, half-width 3 × 0.77 × 0.0953 / √3.
        Assert.That(outcome.NoiseFloor, Is.EqualTo(Math.Exp(3 * 0.77 * Math.Log(1.1) / Math.Sqrt(3)) - 1).Within(1e-9));
        Assert.That(outcome.Message, Does.StartWith("Kernel(10) regressed: +50.0% [")
            .And.Contain("against commit 1b56a1b (paired: 3 processes × 4 copies per side), threshold 10%, noise floor ±13.6%"));
    }

    [Test]
    public void AnImprovementSaysToRecordNewBaselines()
    {
        var outcome = PairedComparison.Decide(SampleResults.Result("Kernel(10)"), Code, Assembly, Policy,
            _ => (new PairedChildResult(Of([100, 100], [50, 50]), false, null, null), null));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Improved));
        Assert.That(outcome.Message, Does.StartWith("Kernel(10) improved: -50.0%").And.EndWith("; record new baselines (mode=record) in this change to keep the gain"));
    }

    [Test]
    public void AChildThatFailedMakesTheProcessInconclusiveWithItsError()
    {
        var result = PairedComparison.Measure(_ => (null, "exited with 134: Segmentation fault"), Request(), Code);

        Assert.That(result with { Seconds = 0 }, Is.EqualTo(PairedProcessResult.Failed(Verdict.Inconclusive, "a paired process failed: exited with 134: Segmentation fault")));
        Assert.That(result.Seconds, Is.GreaterThan(0), "the time the process took is kept for the budget");
    }

    [Test]
    public void ABaselineWithoutTheTestMakesTheBenchmarkNew()
    {
        var result = PairedComparison.Measure(_ => (new PairedChildResult(null, true, "no test named X", Side.Baseline), null), Request(), Code);

        Assert.That(result.Stop, Is.EqualTo(Verdict.New));
        Assert.That(result.Reason, Is.EqualTo("commit 1b56a1b has no such test (its build: /cache/base/bin)"));
    }

    [Test]
    public void ASideThatCouldNotBeMeasuredMakesTheProcessInconclusiveWithTheChildsProblem()
    {
        var problem = PairedComparison.Measure(_ => (new PairedChildResult(null, false, "the current build has no Foo.PerfTests.dll", Side.Current), null), Request(), Code);
        var empty = PairedComparison.Measure(_ => (new PairedChildResult(null, false, null, null), null), Request(), Code);

        Assert.That(problem with { Seconds = 0 }, Is.EqualTo(PairedProcessResult.Failed(Verdict.Inconclusive, "the current build has no Foo.PerfTests.dll")));
        Assert.That(empty with { Seconds = 0 }, Is.EqualTo(PairedProcessResult.Failed(Verdict.Inconclusive, "the paired process returned no samples")));
    }

    [Test]
    public void SamplesBecomeTheProcessComparison()
    {
        var result = PairedComparison.Measure(_ => (new PairedChildResult(Of([100, 100], [120, 120]), false, null, null), null), Request(), Code);

        Assert.That(result.Comparison!.Change, Is.EqualTo(Math.Log(1.2)).Within(1e-12));
    }

    [Test]
    public void ANewBenchmarkHasNoComparisonInItsOutcome()
    {
        var decision = new PairedGate.Decision(Verdict.New, double.NaN, double.NaN, Math.Log(1.1), [], "commit 1b56a1b has no such test");

        var outcome = PairedComparison.Outcome("Kernel(10)", decision, Code, Policy);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.New));
        Assert.That(outcome.Message, Is.EqualTo("Kernel(10) is new: commit 1b56a1b has no such test"));
        Assert.That(outcome.Method, Is.EqualTo(ComparisonMethod.None));
        Assert.That(outcome.Ratio, Is.Null);
        Assert.That(outcome.BaselineMedianNanoseconds, Is.Null);
        Assert.That(outcome.Processes, Is.EqualTo(0));
        Assert.That(outcome.CopiesPerSide, Is.EqualTo(0));
        Assert.That(outcome.NoiseFloor, Is.Null);
    }

    [Test]
    public void AnAllocationRegressionReadsItsBytesAndTheChangeMeasured()
    {
        var process = ProcessComparer.Compare(Of([100, 100], [90, 90])) with { BaselineBytesPerOperation = 0, CurrentBytesPerOperation = 32 };
        var decision = new PairedGate.Decision(Verdict.Regressed, process.Change, double.NaN, Math.Log(1.1), [process], "allocates more: 0 B/op → 32 B/op (allowed up to 0.5 B/op)");

        var outcome = PairedComparison.Outcome("Kernel(10)", decision, Code, Policy);

        Assert.That(outcome.Message, Is.EqualTo(
            "Kernel(10) regressed: allocates more: 0 B/op → 32 B/op (allowed up to 0.5 B/op) against commit 1b56a1b (paired: 1 process × 2 copies per side)"));
        Assert.That(outcome.Ratio, Is.EqualTo(0.9).Within(1e-9));
        Assert.That(outcome.Method, Is.EqualTo(ComparisonMethod.Paired));
    }

    [Test]
    public void ADecisionStoppedAfterSomeProcessesHasNoRatio()
    {
        var process = ProcessComparer.Compare(Of([100, 100], [120, 120]));
        var decision = new PairedGate.Decision(Verdict.Inconclusive, double.NaN, double.NaN, Math.Log(1.1), [process], "a paired process failed: timed out");

        var outcome = PairedComparison.Outcome("Kernel(10)", decision, Code, Policy);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Is.EqualTo("Kernel(10) inconclusive: a paired process failed: timed out (after paired: 1 process × 2 copies per side against commit 1b56a1b)"));
        Assert.That(outcome.Ratio, Is.Null, "no change was decided: null, not NaN");
    }

    [Test]
    public void AWideFloorSaysWhatTheMachineCanGateAndHowToSetIt()
    {
        var process = ProcessComparer.Compare(Of([100, 100], [103, 103]));
        var decision = new PairedGate.Decision(Verdict.Inconclusive, Math.Log(1.03), Math.Log(1.24), Math.Log(1.1), [process, process], null)
        {
            Unresolved = PairedGate.Unresolved.WideFloor,
            StoppedAsFutile = true,
        };

        var outcome = PairedComparison.Outcome("Kernel(10)", decision, Code, Policy);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.NoiseFloor, Is.EqualTo(0.24).Within(1e-9));
        Assert.That(outcome.Message, Does.StartWith("Kernel(10) inconclusive: +3.0% [-16.9%, +27.7%] against commit 1b56a1b").And.EndWith(
            "; this machine cannot gate it at 10%: its noise floor here, ±24.0%, is wider, so neither a pass nor a regression of that size can be shown"
            + " (stopped after 2 processes: more could not have decided); set [PerfBenchmark(Threshold = 0.25)] for it, or measure on a quieter machine"));
    }

    [Test]
    public void AChangeAtTheThresholdSaysItIsTooCloseToCall()
    {
        var process = ProcessComparer.Compare(Of([100, 100], [109, 109]));
        var decision = new PairedGate.Decision(Verdict.Inconclusive, Math.Log(1.09), 0.03, Math.Log(1.1), [process, process, process], null)
        {
            Unresolved = PairedGate.Unresolved.NearThreshold,
        };

        var outcome = PairedComparison.Outcome("Kernel(10)", decision, Code, Policy);

        Assert.That(outcome.Message, Does.StartWith("Kernel(10) inconclusive: +9.0%")
            .And.EndWith("; the change is too close to the threshold to call after 3 processes: its interval reaches both sides of ±10%"));
    }

    private static PairedRequest Request() => new("Foo.PerfTests.Kernels.FreeEnergy(100)", "Foo.PerfTests.dll", "/cache/base/bin", "/work/perf/bin", 4, 1);
}
