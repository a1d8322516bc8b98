using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>
/// The paired gate's sequential decision, fed synthetic process comparisons (changes in ln units). With the default
/// policy the threshold is ln 1.10 ≈ 0.0953, the interval is the mean ± 3 noise / √n (an A/A change counts 0.77 of
/// itself), and 2 to 12 processes run.
/// </summary>
internal class PairedGateTests
{
    private static readonly PairedPolicy Policy = new();
    private static readonly double Limit = Math.Log(1.10);

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    public void AChangeClearlyInsideTheThresholdPassesAsSoonAsMinProcessesHaveRun(int minProcesses)
    {
        var (decision, calls) = Decide(Policy with { MinProcesses = minProcesses }, Alternating(0.003, 0.004, aa: 0.01));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(calls, Is.EqualTo(minProcesses), "no process beyond the minimum, none short of it");
        Assert.That(decision.Processes, Has.Count.EqualTo(minProcesses));
        Assert.That(decision.Reason, Is.Null);
    }

    [Test]
    public void AClearRegressionIsConfirmedByAThirdProcessNotCalledFromTwo()
    {
        var (decision, calls) = Decide(Policy, Alternating(Math.Log(1.5), 0.01, aa: 0.01));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(calls, Is.EqualTo(3), "two processes that agree on a shift can both be wrong; a third confirms it");
        Assert.That(decision.Change, Is.EqualTo(Math.Log(1.5) + 0.01 / 3).Within(1e-9), "the mean of +1%, −1%, +1% around ln 1.5");
        Assert.That(decision.Limit, Is.EqualTo(Limit).Within(1e-12));
    }

    [Test]
    public void AChangeJustUnderTheThresholdKeepsAddingProcessesAndIsCalledRegressedAtMaxProcesses()
    {
        // 9.5% with a per-process noise of 1%: the interval reaches past the threshold until the last process, and at
        // MaxProcesses a change that is above zero and at least three quarters of the threshold is called.
        var (decision, calls) = Decide(Policy, Constant(Math.Log(1.095), aa: 0.01));

        Assert.That(calls, Is.EqualTo(Policy.MaxProcesses));
        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(decision.Interval.Lower, Is.GreaterThan(0));
        Assert.That(decision.Interval.Upper, Is.GreaterThan(Limit), "still undecided by the ordinary rule");
    }

    [Test]
    public void AChangeJustOverTheThresholdOnANoisyRunAddsProcessesUntilTheIntervalExcludesZero()
    {
        // 10.5% with A/A changes of ±8% (a process's noise 0.77 × 8%): the noise floor is wider than the threshold at first,
        // and narrows as processes are added (3 × 0.0616 / √n), until at 4 processes the interval lies above zero.
        var (decision, calls) = Decide(Policy, Constant(Math.Log(1.105), aa: 0.08));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(calls, Is.EqualTo(4));
        Assert.That(decision.HalfWidth, Is.EqualTo(3 * 0.77 * 0.08 / Math.Sqrt(4)).Within(1e-12));
    }

    [Test]
    public void SmallChangesNeverFailHoweverNoisyTheRun(
        [Values(0.0, 0.02, 0.04, -0.04)] double change,
        [Values(0.0, 0.005, 0.02, 0.05, 0.1, 0.3)] double noise)
    {
        var (decision, _) = Decide(Policy, Alternating(change, noise, aa: noise));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Passed).Or.EqualTo(Verdict.Inconclusive));
        Assert.That(decision.Verdict == Verdict.Passed, Is.EqualTo(decision.HalfWidth < Math.Log(1.1) - Math.Abs(decision.Change)),
            "passed exactly when the interval excludes a change of the threshold");
    }

    [Test]
    public void AFloorWiderThanTheThresholdIsInconclusiveNeverPassedAndStopsWhenMoreProcessesCouldNotDecide()
    {
        // A/A changes of ±30%: even 12 processes would leave a floor of 3 × 0.231 / √12 ≈ ±20%, twice the threshold.
        var (decision, calls) = Decide(Policy, Constant(0.01, aa: 0.3));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(decision.Unresolved, Is.EqualTo(PairedGate.Unresolved.WideFloor));
        Assert.That(decision.StoppedAsFutile, Is.True);
        Assert.That(calls, Is.EqualTo(3), "no process spent where it cannot decide, once three processes show the spread");
    }

    [Test]
    public void AChangeOverTheThresholdThatTheBudgetCannotResolveIsInconclusiveNotPassed()
    {
        // Seen on BeliefUpdate(1000): +12.4% with a noise floor of ±16.3% after two 20 s processes was called Passed. Now
        // an undecided benchmark gets 4 processes whatever the budget, and these stay undecided.
        var processes = Alternating(Math.Log(1.124), 0.08, aa: 0.05);

        var (decision, calls) = Decide(Policy, index => PairedProcessResult.Of(processes[index]) with { Seconds = 20 });

        Assert.That(calls, Is.EqualTo(Policy.UndecidedProcesses));
        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(decision.Unresolved, Is.EqualTo(PairedGate.Unresolved.WideFloor));
        Assert.That(decision.StoppedAsFutile, Is.False, "the budget ended it");
    }

    [Test]
    public void APassOneProcessAwayGetsThatProcessPastTheBudgetOnce()
    {
        // As seen on BeliefUpdate(1000): 25–38 s processes, two of them read −3.6% and −2.9% with A/A changes of ±4%: a
        // floor of ±6.7% around −3.3% reaches past −10%; a third process narrows it to ±5.5% and passes.
        var processes = new[] { Process(Math.Log(0.964), [0.04, -0.04]), Process(Math.Log(0.971), [0.04, -0.04]), Process(Math.Log(0.968), [0.04, -0.04]) };

        var (decision, calls) = Decide(Policy, index => PairedProcessResult.Of(processes[index]) with { Seconds = 30 });

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(calls, Is.EqualTo(3));
    }

    [Test]
    public void APassMoreThanOneProcessAwayEndsInconclusiveAfterTheProcessesAnUndecidedBenchmarkGets()
    {
        var processes = Alternating(-0.015, 0.015, aa: 0.12);

        var (decision, calls) = Decide(Policy, index => PairedProcessResult.Of(processes[index]) with { Seconds = 30 });

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(calls, Is.InRange(3, Policy.UndecidedProcesses), "no process past the budget when one more could not pass it");
    }

    [Test]
    public void ALargeChangeIsRegressedEvenWhereTheFloorIsWiderThanTheThreshold()
    {
        var (decision, calls) = Decide(Policy, Constant(Math.Log(2), aa: 0.2));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(decision.HalfWidth, Is.GreaterThan(Math.Log(1.1)));
        Assert.That(calls, Is.EqualTo(3));
    }

    [TestCase(1.5, 0.01, 3)]
    [TestCase(1.095, 0.01, 12)]
    [TestCase(1.105, 0.08, 4)]
    public void ImprovementsAreDecidedLikeRegressionsMirrored(double ratio, double aa, int expectedCalls)
    {
        var (slower, slowerCalls) = Decide(Policy, Constant(Math.Log(ratio), aa));
        var (faster, fasterCalls) = Decide(Policy, Constant(-Math.Log(ratio), aa));

        Assert.That(slower.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(faster.Verdict, Is.EqualTo(Verdict.Improved));
        Assert.That(fasterCalls, Is.EqualTo(slowerCalls).And.EqualTo(expectedCalls));
        Assert.That(faster.Change, Is.EqualTo(-slower.Change).Within(1e-12));
        Assert.That(faster.HalfWidth, Is.EqualTo(slower.HalfWidth).Within(1e-12));
    }

    [Test]
    public void TwoProcessesAgreeingOnAShiftThatTheThirdDoesNotShowAreNotARegression()
    {
        // Seen in an A/A run on a loaded machine: InferPolicies("large") read +38.8% and +57.3% in two processes (A/A
        // changes up to -21%), and was called Regressed; a third process reading no change leaves the answer open.
        var processes = new[] { Process(Math.Log(1.388), [-0.214, -0.052]), Process(Math.Log(1.573), [-0.026, -0.002]), Process(0.0, [0.03, -0.03]) }
            .Concat(Constant(0, aa: 0.05)).ToArray();

        var (decision, calls) = Decide(Policy, processes);

        Assert.That(decision.Verdict, Is.Not.EqualTo(Verdict.Regressed));
        Assert.That(calls, Is.GreaterThan(3));
    }

    [Test]
    public void ThePolicyThresholdSetsTheLimit()
    {
        var (decision, _) = Decide(Policy with { Threshold = 0.5 }, Constant(Math.Log(1.3), aa: 0.01));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(decision.Limit, Is.EqualTo(Math.Log(1.5)).Within(1e-12));
        Assert.That(decision.Interval.Upper, Is.LessThan(Math.Log(1.5)));
    }

    [Test]
    public void MoreBytesPerOperationInTheFirstProcessIsARegressionWhateverTheTimeSays()
    {
        var first = Process(Math.Log(0.7), [0.01, 0.01]) with { BaselineBytesPerOperation = 100, CurrentBytesPerOperation = 120 };

        var (decision, calls) = Decide(Policy, [first, .. Constant(Math.Log(0.7), 0.01)]);

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(calls, Is.EqualTo(1), "decided from the first process");
        Assert.That(decision.Reason, Is.EqualTo("allocates more: 100 B/op → 120 B/op (allowed up to 105.5 B/op)"));
        Assert.That(decision.Change, Is.EqualTo(Math.Log(0.7)).Within(1e-12));
        Assert.That(decision.HalfWidth, Is.NaN);
    }

    [TestCase(0.0, 0.5, false)]
    [TestCase(0.0, 0.51, true)]
    [TestCase(100.0, 105.5, false)]
    [TestCase(100.0, 105.6, true)]
    [TestCase(1000.0, 1050.4, false)]
    [TestCase(1000.0, 900.0, false)]
    public void AllocationToleranceIsFivePercentPlusHalfAByte(double baseline, double current, bool regressed)
    {
        var first = Process(0, [0.01, 0.01]) with { BaselineBytesPerOperation = baseline, CurrentBytesPerOperation = current };

        var (decision, _) = Decide(Policy, [first, .. Constant(0, 0.01)]);

        Assert.That(decision.Verdict, Is.EqualTo(regressed ? Verdict.Regressed : Verdict.Passed));
        Assert.That(decision.Reason, regressed ? Does.StartWith("allocates more") : Is.Null);
    }

    [Test]
    public void BytesPerOperationOfLaterProcessesDoNotDecide()
    {
        var second = Process(0, [0.01, 0.01]) with { BaselineBytesPerOperation = 100, CurrentBytesPerOperation = 200 };

        var (decision, _) = Decide(Policy, [Process(0, [0.01, 0.01]), second, .. Constant(0, 0.01)]);

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Passed));
    }

    [TestCase(Verdict.New, "commit 1b56a1b has no such test")]
    [TestCase(Verdict.Inconclusive, "a paired process failed: exit code 134")]
    public void AFirstProcessThatStopsTheDecisionGivesItsVerdictAndReason(Verdict stop, string reason)
    {
        var (decision, calls) = Decide(Policy, _ => PairedProcessResult.Failed(stop, reason));

        Assert.That(calls, Is.EqualTo(1));
        Assert.That(decision.Verdict, Is.EqualTo(stop));
        Assert.That(decision.Reason, Is.EqualTo(reason));
        Assert.That(decision.Processes, Is.Empty);
        Assert.That(decision.Change, Is.NaN);
        Assert.That(decision.HalfWidth, Is.NaN);
    }

    [Test]
    public void AProcessFailingAfterOthersComparedStopsWithItsReasonAndKeepsTheComparisons()
    {
        var (decision, calls) = Decide(Policy, index => index == 0
            ? PairedProcessResult.Of(Process(0.3, [0.2, 0.2]))
            : PairedProcessResult.Failed(Verdict.Inconclusive, "a paired process failed: timed out"));

        Assert.That(calls, Is.EqualTo(2));
        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(decision.Reason, Is.EqualTo("a paired process failed: timed out"));
        Assert.That(decision.Processes, Has.Count.EqualTo(1));
    }

    [Test]
    public void AProcessWithoutComparisonOrVerdictIsInconclusive()
    {
        var (decision, _) = Decide(Policy, _ => new PairedProcessResult(null, null, "nothing"));

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(decision.Reason, Is.EqualTo("nothing"));
    }

    [Test]
    public void NoiseIsTheRootMeanSquareOfAllProcessesSelfChanges()
    {
        var noise = PairedGate.Noise([Process(0, [0.03, -0.04]), Process(0, [0, 0])], Policy);

        Assert.That(noise, Is.EqualTo(0.77 * 0.025).Within(1e-12), "0.77 × √((0.03² + 0.04² + 0 + 0) / 4)");
    }

    [Test]
    public void NoiseIsAtLeastThePolicyMinimum()
    {
        Assert.That(PairedGate.Noise([Process(0, [0.001, 0.001]), Process(0, [])], Policy), Is.EqualTo(Policy.MinimumNoise));
        Assert.That(PairedGate.Noise([Process(0, []), Process(0, [])], Policy with { MinimumNoise = 0.02 }), Is.EqualTo(0.02));
    }

    [Test]
    public void TheSpreadBetweenProcessesCountsFromTheSecondProcessOn()
    {
        var one = PairedGate.Noise([Process(0.4, [0.01])], Policy);
        var two = PairedGate.Noise([Process(0, [0.01]), Process(0.4, [0.01])], Policy);
        var three = PairedGate.Noise([Process(0, [0.01]), Process(0.1, [0.01]), Process(0.2, [0.01])], Policy);
        var quietSpread = PairedGate.Noise([Process(0, [0.05]), Process(0.001, [0.05]), Process(0, [0.05])], Policy);

        Assert.That(one, Is.EqualTo(0.0077).Within(1e-12), "one process has no spread");
        Assert.That(two, Is.EqualTo(0.4 / Math.Sqrt(2)).Within(1e-12), "two processes that disagree are noisy, whatever their A/A says");
        Assert.That(three, Is.EqualTo(0.1).Within(1e-12), "sample standard deviation of 0, 0.1, 0.2");
        Assert.That(quietSpread, Is.EqualTo(0.77 * 0.05).Within(1e-12), "the A/A noise when the spread is smaller");
    }

    [Test]
    public void TwoProcessesThatDisagreeAreNotAVerdictHoweverQuietTheirAA()
    {
        // Identical code read −1.6% and +22.2% in two processes of InferPolicies("large") with A/A changes of ±6%: the
        // mean of +10.8% once failed a 10% threshold. Their disagreement now makes the answer unknown.
        var processes = new[] { Process(Math.Log(0.984), [0.003, -0.065, -0.043, 0.038]), Process(Math.Log(1.2485), [0.003, -0.065, -0.043, 0.038]) }
            .Concat(Constant(0, aa: 0.05)).ToArray();

        var (decision, calls) = Decide(Policy, processes);

        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(calls, Is.GreaterThan(2));
    }

    [Test]
    public void TheHalfWidthIsTheIntervalWidthTimesTheNoiseOverRootN()
    {
        var policy = Policy with { MinProcesses = 4, MaxProcesses = 4 };

        var (quiet, _) = Decide(policy, Constant(0, aa: 0.02));
        var (noisy, _) = Decide(policy, Constant(0, aa: 0.1));

        Assert.That(quiet.HalfWidth, Is.EqualTo(3 * 0.77 * 0.02 / 2).Within(1e-12));
        Assert.That(quiet.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(noisy.HalfWidth, Is.EqualTo(3 * 0.77 * 0.1 / 2).Within(1e-12));
        Assert.That(noisy.Limit, Is.EqualTo(Limit).Within(1e-12), "the threshold is the limit, however wide the floor");
        Assert.That(noisy.Verdict, Is.EqualTo(Verdict.Inconclusive), "a floor of ±11.6% cannot show a change under 10%");
        Assert.That(noisy.Interval.Lower, Is.EqualTo(-noisy.HalfWidth).Within(1e-12));
    }

    /// <summary>A process with change <paramref name="change"/> (ln units) and the given A/A self changes.</summary>
    private static ProcessComparison Process(double change, double[] self) =>
        new(change, self, 100, 100 * Math.Exp(change), 0, 0, 4, 100);

    /// <summary>Processes whose changes alternate <paramref name="change"/> ± <paramref name="spread"/>, with self changes ±<paramref name="aa"/>.</summary>
    [TestCase(12.0, 4)]
    [TestCase(7.0, 5)]
    [TestCase(2.0, 12)]
    public void TheTimeBudgetEndsTheDecisionWhenTheNextProcessWouldOverrunIt(double secondsPerProcess, int expectedCalls)
    {
        // 9.5% with 1% noise stays undecided until the last process; with 40 s of budget, 7 s processes leave room for
        // 5, 2 s processes for all 12, and 12 s processes for 3, raised to the 4 an undecided benchmark always gets.
        var processes = Constant(Math.Log(1.095), aa: 0.01);

        var (decision, calls) = Decide(Policy, index => PairedProcessResult.Of(processes[index]) with { Seconds = secondsPerProcess });

        Assert.That(calls, Is.EqualTo(expectedCalls));
        Assert.That(decision.Verdict, Is.EqualTo(Verdict.Regressed), "the last process decides as at MaxProcesses");
        Assert.That(decision.AtLastCall, Is.True);
    }

    [Test]
    public void SlowProcessesGetFourProcessesAndARegressionIsConfirmedPastTheBudget()
    {
        // 25 s processes: the budget holds 2, an undecided benchmark gets 4. At 9.5% (just under the 9.53% threshold) the
        // fourth makes the last call (above ¾ of the threshold, interval above 0); at 11% the confirming third decides.
        var under = Decide(Policy, index => PairedProcessResult.Of(Constant(Math.Log(1.095), aa: 0.01)[index]) with { Seconds = 25 });
        var over = Decide(Policy, index => PairedProcessResult.Of(Constant(Math.Log(1.11), aa: 0.01)[index]) with { Seconds = 25 });

        Assert.Multiple(() =>
        {
            Assert.That(under.Calls, Is.EqualTo(4));
            Assert.That(under.Decision.Verdict, Is.EqualTo(Verdict.Regressed));
            Assert.That(under.Decision.AtLastCall, Is.True);
            Assert.That(over.Calls, Is.EqualTo(3));
            Assert.That(over.Decision.Verdict, Is.EqualTo(Verdict.Regressed));
        });
    }

    private static ProcessComparison[] Alternating(double change, double spread, double aa) =>
        Enumerable.Range(0, 20).Select(i => Process(change + (i % 2 == 0 ? spread : -spread), [aa, -aa])).ToArray();

    private static ProcessComparison[] Constant(double change, double aa) => Alternating(change, 0, aa);

    private static (PairedGate.Decision Decision, int Calls) Decide(PairedPolicy policy, ProcessComparison[] processes) =>
        Decide(policy, index => PairedProcessResult.Of(processes[index]));

    private static (PairedGate.Decision Decision, int Calls) Decide(PairedPolicy policy, Func<int, PairedProcessResult> measure)
    {
        var calls = 0;
        var decision = PairedGate.Decide(policy, index =>
        {
            Assert.That(index, Is.EqualTo(calls), "processes are asked for in order");
            Assert.That(index, Is.LessThan(policy.MaxProcesses), "never more than MaxProcesses");
            calls++;
            return measure(index);
        });
        return (decision, calls);
    }
}
