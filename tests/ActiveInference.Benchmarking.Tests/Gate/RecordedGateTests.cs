using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Gate.StateWorld;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>
/// <see cref="RecordedGate"/> is the fallback gate only: it compares with the numbers recorded in baselines.json
/// (state-matched) when no baseline code can be built. The gate that normally runs, measuring the baseline's code
/// beside the current code, is tested in <see cref="PairedGateTests"/> and the end-to-end tests. Here, on
/// <see cref="StateWorld"/>'s synthetic machine, the baseline is five recordings of the unchanged benchmark (rec0…rec4,
/// the last on 2026-11-05), each visiting states 0–2. The fallback's main decisions: regressed
/// (<see cref="ARegressionTheFreshProcessesRepeatFailsAndIsConfirmed"/>), passed
/// (<see cref="UnchangedCodePassesOnTheFirstProcessInOneMessageForm"/>), improved
/// (<see cref="AClearImprovementTheFreshProcessesRepeatIsImprovedAndInvitesNoGuess"/>), inconclusive when
/// the run's states cannot be matched (<see cref="ProcessesThatAllRanInUnseenStatesAreInconclusiveAfterTheAllowedRetries"/>)
/// and when the recordings' samples are not at hand (<see cref="RecordingsReadWithoutTheirSamplesAreInconclusiveAndNameTheSamplesFile"/>).
/// </summary>
internal class RecordedGateTests
{
    private const string Recorded = "the recorded numbers of 2026-11-05";

    private static readonly RecordedGatePolicy Policy = new();

    private static GateOutcome Decide(BenchmarkResult current, FreshProcesses fresh, Baseline? baseline = null, RecordedGatePolicy? policy = null, string? whyRecorded = null) =>
        RecordedGate.Decide(current, baseline ?? StateWorld.Baseline(), [], GateSamples.Here, policy ?? Policy, fresh.Measure, whyRecorded);

    private static BenchmarkResult InUnseenState(double change, int seed) => Result(change, seed, Unseen);

    [Test]
    public void MissingBaselineIsNewAndSaysHowToRecordOne()
    {
        var outcome = RecordedGate.Decide(Result(1.0, 1, 0), null, [], GateSamples.Here, Policy, FreshProcesses.None().Measure);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.New));
        Assert.That(outcome.Message, Is.EqualTo("Kernel(100) is new: no recorded baseline yet (record one with mode=record)"));
        Assert.That(outcome.Ratio, Is.Null);
        Assert.That(outcome.BaselineMedianNanoseconds, Is.Null);
        Assert.That(outcome.Method, Is.EqualTo(ComparisonMethod.None));
    }

    [Test]
    public void BaselineOnlyOnAnotherMachineProfileIsInconclusiveAndNamesTheProfileAndHowItDiffers()
    {
        var elsewhere = StateWorld.Baseline() with { Profile = GateSamples.Other };

        var outcome = RecordedGate.Decide(Result(1.0, 1, 0), null, [elsewhere], GateSamples.Here, Policy, FreshProcesses.None().Measure);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.StartWith($"Kernel(100) inconclusive: no recorded baseline on this machine profile ({GateSamples.Here.Id}); recorded only on {GateSamples.Other.Id} ("));
        Assert.That(outcome.Message, Does.Contain("CPU: Other CPU → Test CPU").And.Contain("logical cores: 8 → 2").And.Contain("OS: Windows → Linux"));
        Assert.That(outcome.Message, Does.EndWith("Record one here with mode=record"));
        Assert.That(outcome.Ratio, Is.Null);
    }

    [Test]
    public void UnchangedCodePassesOnTheFirstProcessInOneMessageForm()
    {
        var fresh = FreshProcesses.None();

        var outcome = Decide(Result(1.0, 2, 0, 1, 2), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.Null);
        Assert.That(outcome.Ratio, Is.EqualTo(1.0).Within(0.02));
        Assert.That(outcome.RatioInterval!.Value.Contains(1.0), Is.True);
        Assert.That(outcome.Message, Does.Match(
            @"^Kernel\(100\) passed: [+-]?\d\.\d% \[[+-]?\d\.\d%, [+-]?\d\.\d%\] against the recorded numbers of 2026-11-05 \(state-matched: 200 of 200 samples against 1000 samples of 5 recordings\), threshold 10%, noise floor ±\d\.\d%; raw medians 12\.\d+ µs → 12\.\d+ µs$"));
        Assert.That(fresh.Calls, Is.Zero);
    }

    [Test]
    public void BimodalUnchangedRunHalfInAStateThatSlowsIt185xPasses()
    {
        var fresh = FreshProcesses.None();

        var outcome = Decide(Result(1.0, 31, 0, 2), fresh);

        Assert.That(outcome.CurrentMedianNanoseconds / outcome.BaselineMedianNanoseconds!.Value, Is.GreaterThan(1.1), "the raw medians alone would call it a regression (threshold 10%)");
        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed), outcome.Message);
        Assert.That(outcome.Ratio, Is.EqualTo(1.0).Within(0.02));
        Assert.That(fresh.Calls, Is.Zero);
    }

    [Test]
    public void BimodalRun30PercentSlowerInBothStatesRegresses()
    {
        var fresh = FreshProcesses.Of((1.3, 0), (1.3, 2));

        var outcome = Decide(Result(1.3, 32, 0, 2), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed), outcome.Message);
        Assert.That(outcome.Confirmed, Is.True);
        Assert.That(outcome.Ratio, Is.EqualTo(1.3).Within(0.03));
    }

    [Test]
    public void TheOutcomeSaysHowAndAgainstWhatItWasMeasured()
    {
        var outcome = Decide(Result(1.0, 2, 0), FreshProcesses.None());

        Assert.That(outcome.Method, Is.EqualTo(ComparisonMethod.Recorded));
        Assert.That(outcome.Baseline, Is.EqualTo(Recorded));
        Assert.That(outcome.BaselineCommit, Is.EqualTo("rec4"), "the commit of the latest recording");
        Assert.That(outcome.Processes, Is.EqualTo(1));
        Assert.That(outcome.NoiseFloor, Is.Not.Null);
        Assert.That(outcome.Threshold, Is.EqualTo(0.10));
        Assert.That(outcome.BaselineMedianNanoseconds, Is.EqualTo(StateWorld.Baseline().CenterNanosecondsPerOperation));
    }

    [Test]
    public void UnchangedCodeInAStateThatSlowsIt185xPassesAlthoughTheRawMediansDifferThatMuch()
    {
        var outcome = Decide(Result(1.0, 3, 2), FreshProcesses.None());

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Ratio, Is.EqualTo(1.0).Within(0.02));
        Assert.That(outcome.CurrentMedianNanoseconds / outcome.BaselineMedianNanoseconds!.Value, Is.GreaterThan(1.4), "raw medians");
        Assert.That(outcome.Message, Does.Contain("; raw medians 12.").And.Contain(" → 18."));
    }

    [Test]
    public void ARegressionTheFreshProcessesRepeatFailsAndIsConfirmed()
    {
        var fresh = FreshProcesses.Of((1.3, 1), (1.3, 2));

        var outcome = Decide(Result(1.3, 4, 0), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Confirmed, Is.True);
        Assert.That(outcome.Ratio, Is.EqualTo(1.3).Within(0.03));
        Assert.That(outcome.RatioInterval!.Value.Lower, Is.GreaterThan(1.25));
        Assert.That(outcome.Processes, Is.EqualTo(3));
        Assert.That(fresh.Calls, Is.EqualTo(2));
        Assert.That(outcome.Message, Does.Match(
            @"^Kernel\(100\) regressed: \+(29|30)\.\d% \[\+(29|30)\.\d%, \+(30|31)\.\d%\] against the recorded numbers of 2026-11-05 \(state-matched: 200 of 200 samples against 1000 samples of 5 recordings\), threshold 10%, noise floor ±\d\.\d%; raw medians 12\.\d+ µs → 13\.\d+ µs; first process \+(29|30)\.\d%, fresh processes \+(29|30)\.\d%, \+(29|30)\.\d% \(fails when the mean is above \+10\.0% and each fresh process above \+4\.9%\), confirmed$"));
    }

    [Test]
    public void ASuspectTheFirstFreshProcessDoesNotRepeatPassesWithoutAskingForAnother()
    {
        var fresh = FreshProcesses.Of((1.0, 1));

        var outcome = Decide(Result(1.3, 5, 0), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.False);
        Assert.That(outcome.Processes, Is.EqualTo(2));
        Assert.That(fresh.Calls, Is.EqualTo(1));
        Assert.That(outcome.Ratio, Is.EqualTo(Math.Sqrt(1.3)).Within(0.03), "the mean of the two processes");
        Assert.That(outcome.Message, Does.StartWith("Kernel(100) passed: +1").And.Contain("; first process +3").And.EndWith(": not confirmed"));
    }

    [Test]
    public void OneWildlySlowFirstProcessCannotCarryTheMeanAlone()
    {
        var outcome = Decide(Result(1.6, 6, 0), FreshProcesses.Of((1.03, 1)));

        Assert.That(Math.Log(outcome.Ratio!.Value), Is.GreaterThan(Math.Log(1.1)), "the mean alone would fail");
        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.False);
    }

    [Test]
    public void ALastFreshProcessBelowTheConfirmationFloorClearsTheSuspectWhateverTheMean()
    {
        var outcome = Decide(Result(1.6, 6, 0), FreshProcesses.Of((1.3, 1), (1.03, 2)));

        Assert.That(Math.Log(outcome.Ratio!.Value), Is.GreaterThan(Math.Log(1.1)), "the mean alone would fail");
        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.False);
        Assert.That(outcome.Processes, Is.EqualTo(3));
    }

    [Test]
    public void AChangeBetweenHalfTheThresholdAndTheThresholdIsReMeasuredAndPasses()
    {
        var fresh = FreshProcesses.Of((1.07, 1), (1.07, 2));

        var outcome = Decide(Result(1.07, 7, 0), fresh);

        Assert.That(fresh.Calls, Is.EqualTo(2), "+7% is a suspect: above half the limit");
        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.False);
        Assert.That(outcome.Ratio, Is.EqualTo(1.07).Within(0.02));
    }

    [Test]
    public void AChangeBelowHalfTheThresholdPassesWithoutAFreshProcess()
    {
        var fresh = FreshProcesses.None();

        var outcome = Decide(Result(1.04, 8, 0), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Ratio, Is.EqualTo(1.04).Within(0.01));
        Assert.That(fresh.Calls, Is.Zero);
    }

    [Test]
    public void AClearImprovementTheFreshProcessesRepeatIsImprovedAndInvitesNoGuess()
    {
        var fresh = FreshProcesses.Of((0.7, 2), (0.7, 0));

        var outcome = Decide(Result(0.7, 9, 1), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Improved));
        Assert.That(outcome.Confirmed, Is.True);
        Assert.That(outcome.Ratio, Is.EqualTo(0.7).Within(0.02));
        Assert.That(outcome.Processes, Is.EqualTo(3));
        Assert.That(outcome.Message, Does.StartWith("Kernel(100) improved: -3").And.Contain("(improved when the mean is below -9.1% and each fresh process below -4.7%), confirmed"));
    }

    [Test]
    public void AnImprovementTheFreshProcessDoesNotRepeatPasses()
    {
        var fresh = FreshProcesses.Of((1.0, 2));

        var outcome = Decide(Result(0.7, 10, 1), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.False);
        Assert.That(fresh.Calls, Is.EqualTo(1));
        Assert.That(outcome.Message, Does.Contain("(improved when the mean is below").And.EndWith(": not confirmed"));
    }

    [Test]
    public void AnApparentImprovementWhoseIntervalReachesAboveNoChangePassesWithoutAFreshProcess()
    {
        var (fast, fastState) = Process(0.8, 105, 11, 0);
        var (slow, slowState) = Process(1.05, 95, 12, 0);
        var current = Result([.. fast, .. slow], fastState.ToDictionary(p => p.Key, p => p.Value.Concat(slowState[p.Key]).ToArray()));
        var fresh = FreshProcesses.None();

        var outcome = Decide(current, fresh);

        Assert.That(outcome.Ratio, Is.LessThan(0.9), "the median alone is an improvement");
        Assert.That(outcome.RatioInterval!.Value.Upper, Is.GreaterThan(1));
        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(fresh.Calls, Is.Zero);
    }

    [Test]
    public void AFailedReMeasurementIsInconclusiveWithTheError()
    {
        var outcome = Decide(Result(1.3, 13, 0), FreshProcesses.Failing("child process timed out after 120 s"));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.StartWith("Kernel(100) inconclusive: +3").And.EndWith("; could not re-measure it in a fresh process: child process timed out after 120 s"));
        Assert.That(outcome.Ratio, Is.EqualTo(1.3).Within(0.03), "the first process's change");
        Assert.That(outcome.Confirmed, Is.Null);
    }

    [Test]
    public void RecordingsWithoutStateProbesAreInconclusiveAndSayToRecordNewBaselines()
    {
        var fresh = FreshProcesses.None();

        var outcome = Decide(Result(3.0, 14, 0), fresh, WithoutProbes(StateWorld.Baseline()));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Is.EqualTo($"Kernel(100) inconclusive: {Recorded} carry no machine-state probes to match against (recorded by an older version): record new baselines"));
        Assert.That(outcome.Ratio, Is.Null, "no guess at a change");
        Assert.That(fresh.Calls, Is.Zero);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ARunWithoutStateProbesIsInconclusiveEvenWithTheReferenceColumn(bool referenceColumn)
    {
        var fresh = FreshProcesses.None();
        var result = Result(1.0, 14, 0);
        var state = referenceColumn
            ? new Dictionary<string, IReadOnlyList<double>> { [ActiveInference.Benchmarking.Engine.QuadraticFormReference.ReferenceName] = result.StateSamples["quadratic-form-32"] }
            : new Dictionary<string, IReadOnlyList<double>>();

        var outcome = Decide(result with { StateSamples = state }, fresh, StateWorld.Baseline());

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Is.EqualTo("Kernel(100) inconclusive: this run has no machine-state probes to match recorded numbers with (the benchmark runs without a reference workload)"));
        Assert.That(fresh.Calls, Is.Zero);
    }

    [Test]
    public void RecordingsReadWithoutTheirSamplesAreInconclusiveAndNameTheSamplesFile()
    {
        var fresh = FreshProcesses.None();
        var baseline = StateWorld.Baseline();
        var summariesOnly = baseline with { Recordings = [.. baseline.Recordings.Select(r => r with { Samples = [], StateSamples = Recording.EmptyState })] };

        var outcome = Decide(Result(3.0, 14, 0), fresh, summariesOnly);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.StartWith($"Kernel(100) inconclusive: 5 of the 5 recordings in {Recorded} have no samples here (only their summaries)"));
        Assert.That(outcome.Message, Does.Contain("baselines.samples.json").And.Contain("restore it from git"));
        Assert.That(outcome.Ratio, Is.Null, "no guess at a change from summaries of another day");
        Assert.That(fresh.Calls, Is.Zero);
    }

    [Test]
    public void MoreBytesPerOperationRegressEvenAgainstRecordingsReadWithoutTheirSamples()
    {
        var baseline = StateWorld.Baseline();
        var summariesOnly = baseline with { Recordings = [.. baseline.Recordings.Select(r => r with { Samples = [], StateSamples = Recording.EmptyState })] };

        var outcome = Decide(Result(1.0, 24, 0) with { AllocatedBytesPerOperation = 24 }, FreshProcesses.None(), summariesOnly);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed), "bytes/op are in the summaries");
    }

    [Test]
    public void AFirstProcessInAStateTheRecordingsNeverSawIsReplacedByAFreshProcess()
    {
        var fresh = FreshProcesses.Of((1.0, 1));

        var outcome = Decide(InUnseenState(1.0, 15), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Ratio, Is.EqualTo(1.0).Within(0.02));
        Assert.That(outcome.Processes, Is.EqualTo(2));
        Assert.That(fresh.Calls, Is.EqualTo(1));
    }

    [Test]
    public void ARegressionMeasuredOnlyInTheReplacingFreshProcessesIsStillCaught()
    {
        var fresh = FreshProcesses.Of((1.3, Unseen), (1.3, 0), (1.3, 1), (1.3, 2));

        var outcome = Decide(InUnseenState(1.3, 16), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Processes, Is.EqualTo(5));
        Assert.That(fresh.Calls, Is.EqualTo(4));
    }

    [Test]
    public void ProcessesThatAllRanInUnseenStatesAreInconclusiveAfterTheAllowedRetries()
    {
        var fresh = FreshProcesses.Of((1.0, Unseen), (1.0, Unseen));

        var outcome = Decide(InUnseenState(1.0, 17), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(fresh.Calls, Is.EqualTo(Policy.UnmatchedRetries));
        Assert.That(outcome.Message, Is.EqualTo(
            $"Kernel(100) inconclusive: this run's 3 process(es) ran in machine states that the 5 recordings in {Recorded} never saw, so they cannot be compared (recorded numbers describe the machine of another day)"));
        Assert.That(outcome.Ratio, Is.Null, "no guess at a change");
    }

    [Test]
    public void NoRetriesAllowedMeansOneUnmatchedProcessIsInconclusive()
    {
        var outcome = Decide(InUnseenState(1.0, 18), FreshProcesses.None(), policy: Policy with { UnmatchedRetries = 0 });

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.Contain("this run's 1 process(es) ran in machine states"));
    }

    [Test]
    public void ASuspectWhoseFreshProcessesRunInUnseenStatesIsInconclusive()
    {
        var fresh = FreshProcesses.Of((1.3, Unseen), (1.3, Unseen), (1.3, Unseen));

        var outcome = Decide(Result(1.3, 19, 0), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(fresh.Calls, Is.EqualTo(Policy.UnmatchedRetries + 1));
        Assert.That(outcome.Message, Does.EndWith("; its fresh processes ran in machine states the recordings never saw"));
        Assert.That(outcome.Processes, Is.EqualTo(4));
    }

    [Test]
    public void AFreshProcessInAnUnseenStateIsReplacedAndCounted()
    {
        var fresh = FreshProcesses.Of((1.3, Unseen), (1.3, 1), (1.3, 2));

        var outcome = Decide(Result(1.3, 20, 0), fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Processes, Is.EqualTo(4));
        Assert.That(fresh.Calls, Is.EqualTo(3));
    }

    [TestCase(1.08, 0.05, Verdict.Regressed)]
    [TestCase(1.08, 0.10, Verdict.Passed)]
    [TestCase(1.15, 0.10, Verdict.Regressed)]
    [TestCase(1.15, 0.20, Verdict.Passed)]
    public void TheBenchmarkSOwnThresholdDecides(double change, double threshold, Verdict expected)
    {
        var outcome = Decide(Result(change, 21, 0), FreshProcesses.Of((change, 1), (change, 2)), policy: Policy with { Threshold = threshold });

        Assert.That(outcome.Verdict, Is.EqualTo(expected));
        Assert.That(outcome.Threshold, Is.EqualTo(threshold));
        Assert.That(outcome.Message, Does.Contain($", threshold {threshold * 100:0}%"));
    }

    [Test]
    public void RecordingsThatLandedApartRaiseTheLimitToTheirNoiseFloorAndSaySo()
    {
        var noisy = StateWorld.Baseline(1.00, 1.03, 0.97, 1.06, 0.94);
        var floor = Math.Exp(StateMatching.NoiseFloor(StateMatching.SamplesByRecording(noisy, Probes), Policy.NoiseMultiplier)) - 1;
        Assert.That(floor, Is.GreaterThan(0.2).And.LessThan(0.4), "the recordings are meant to spread wider than a +20% change");

        var quiet = Decide(Result(1.2, 22, 0), FreshProcesses.Of((1.2, 1), (1.2, 2)));
        var fresh = FreshProcesses.Of((1.2, 1), (1.2, 2));
        var outcome = Decide(Result(1.2, 22, 0), fresh, noisy);

        Assert.That(quiet.Verdict, Is.EqualTo(Verdict.Regressed), "against recordings that agree");
        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Ratio, Is.EqualTo(1.2).Within(0.03));
        Assert.That(fresh.Calls, Is.EqualTo(2), "a suspect: above half the raised limit");
        Assert.That(outcome.NoiseFloor, Is.EqualTo(floor).Within(1e-12));
        Assert.That(outcome.Message, Does.Contain(FormattableString.Invariant($", threshold 10%, noise floor ±{floor * 100:0.0}%")));
        Assert.That(outcome.Message, Does.Contain(FormattableString.Invariant($"(fails when the mean is above +{floor * 100:0.0}% and each fresh process above")));
    }

    [Test]
    public void MoreBytesPerOperationRegressEvenWhenTheTimeIsUnchanged()
    {
        var fresh = FreshProcesses.None();

        var outcome = Decide(Result(1.0, 23, 0) with { AllocatedBytesPerOperation = 24 }, fresh);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Message, Is.EqualTo($"Kernel(100) regressed: allocates more: 0 B/op → 24 B/op (allowed up to 0.5 B/op) against {Recorded}"));
        Assert.That(outcome.Method, Is.EqualTo(ComparisonMethod.Recorded));
        Assert.That(outcome.Baseline, Is.EqualTo(Recorded));
        Assert.That(outcome.BaselineCommit, Is.EqualTo("rec4"));
        Assert.That(outcome.Processes, Is.EqualTo(1));
        Assert.That(fresh.Calls, Is.Zero);
    }

    [Test]
    public void MoreBytesPerOperationRegressEvenAgainstRecordingsWithoutProbes()
    {
        var outcome = Decide(Result(1.0, 24, 0) with { AllocatedBytesPerOperation = 24 }, FreshProcesses.None(), WithoutProbes(StateWorld.Baseline()));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
    }

    [TestCase(105.5, Verdict.Passed)]
    [TestCase(105.6, Verdict.Regressed)]
    public void BytesPerOperationAreAllowed5PercentAndHalfAByteMore(double now, Verdict expected)
    {
        var outcome = Decide(Result(1.0, 25, 0) with { AllocatedBytesPerOperation = now }, FreshProcesses.None(), Allocating(StateWorld.Baseline(), 100));

        Assert.That(outcome.Verdict, Is.EqualTo(expected));
    }

    [Test]
    public void WhyTheRecordedNumbersAreUsedEndsEveryMessage()
    {
        const string why = "the baseline commit 1b56a1b is not in this shallow clone";
        const string said = "; compared with recorded numbers because there is no baseline code: " + why;

        var compared = Decide(Result(1.0, 26, 0), FreshProcesses.None(), whyRecorded: why);
        var unmatched = Decide(InUnseenState(1.0, 27), FreshProcesses.Of((1.0, Unseen), (1.0, Unseen)), whyRecorded: why);
        var allocation = Decide(Result(1.0, 28, 0) with { AllocatedBytesPerOperation = 24 }, FreshProcesses.None(), whyRecorded: why);
        var confirmed = Decide(Result(1.3, 29, 0), FreshProcesses.Of((1.3, 1), (1.3, 2)), whyRecorded: why);

        Assert.That(compared.Message, Does.EndWith(said));
        Assert.That(unmatched.Message, Does.EndWith(said));
        Assert.That(allocation.Message, Does.EndWith(said));
        Assert.That(confirmed.Message, Does.EndWith(", confirmed" + said));
    }

    [Test]
    public void WithoutAReasonTheMessageDoesNotMentionBaselineCode()
    {
        var outcome = Decide(Result(1.0, 30, 0), FreshProcesses.None());

        Assert.That(outcome.Message, Does.Not.Contain("baseline code"));
    }
}
