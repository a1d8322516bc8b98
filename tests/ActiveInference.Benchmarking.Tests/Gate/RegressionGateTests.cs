using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Gate.GateSamples;

namespace ActiveInference.Benchmarking.Tests.Gate;

public class RegressionGateTests
{
    private static readonly GatePolicy Policy = new();

    [Test]
    public void Clear_regression_confirmed_in_a_fresh_process_fails()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.30, 200, 0.05, 1)), Baseline(), [], Here, Policy, Child(1.28));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Confirmed, Is.True);
        Assert.That(outcome.Ratio, Is.EqualTo(1.30).Within(0.02));
        Assert.That(outcome.Message, Does.StartWith("Kernel(10) regressed +3"));
        Assert.That(outcome.Message, Does.Contain("threshold 10%").And.Contain("p<0.001").And.Contain("n=200/200").And.Contain("confirmed"));
    }

    [Test]
    public void Suspect_not_confirmed_by_the_fresh_process_passes_with_a_note()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.15, 200, 0.05, 1)), Baseline(), [], Here, Policy, Child(1.02));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.False);
        Assert.That(outcome.Message, Does.Contain("not confirmed"));
    }

    [Test]
    public void No_change_passes_without_re_measuring()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.01, 200, 0.05, 2)), Baseline(), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.Null);
        Assert.That(outcome.RatioInterval!.Value.Contains(1.01), Is.True);
    }

    [Test]
    public void Change_below_the_threshold_passes_even_when_significant()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.06, 400, 0.02, 3)), Baseline(), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.PValue, Is.LessThan(0.001));
    }

    [Test]
    public void Per_benchmark_threshold_is_respected()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.30, 200, 0.05, 1)), Baseline(), [], Here, Policy with { Threshold = 0.5 }, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Threshold, Is.EqualTo(0.5));
    }

    [Test]
    public void Too_noisy_measurement_is_inconclusive()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.0, 12, 0.6, 4)), Baseline(), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.Contain("too noisy"));
    }

    [Test]
    public void Bimodal_samples_with_half_in_a_slow_state_are_judged_by_the_median()
    {
        var fast = LogRatios(1.0, 101, 0.02, 5);
        var slow = LogRatios(1.9, 99, 0.02, 6);
        var outcome = RegressionGate.Decide(Result([.. fast, .. slow]), Baseline(), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.Not.EqualTo(Verdict.Regressed));
    }

    [Test]
    public void Improvement_passes_and_suggests_recording()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(0.7, 200, 0.05, 8)), Baseline(), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Improved));
        Assert.That(outcome.Message, Does.Contain("improved -29.").And.Contain("mode=record"));
    }

    [Test]
    public void Missing_baseline_is_new()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1, 50, 0.05, 9)), null, [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.New));
        Assert.That(outcome.Message, Does.Contain("no baseline"));
    }

    [Test]
    public void Baseline_only_on_another_machine_profile_is_inconclusive_and_names_it()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1, 50, 0.05, 9)), null, [Baseline(profile: Other)], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.Contain(Other.Id).And.Contain("CPU: Other CPU → Test CPU"));
    }

    [Test]
    public void Zero_to_24_bytes_per_operation_fails_even_when_timing_is_unchanged()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.0, 200, 0.05, 10), bytesPerOperation: 24), Baseline(bytesPerOperation: 0), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Message, Does.Contain("0 B/op → 24 B/op"));
    }

    [Test]
    public void A_fraction_of_a_byte_per_operation_is_tolerated()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.0, 200, 0.05, 10), bytesPerOperation: 0.01), Baseline(bytesPerOperation: 0), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
    }

    [Test]
    public void Baseline_centre_is_the_median_of_recordings_so_one_slow_recording_does_not_move_it()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.0, 200, 0.05, 11)), Baseline(0, null, 1.0, 1.25, 1.0), [], Here, Policy, NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Ratio, Is.EqualTo(1.0).Within(0.02));
    }

    [Test]
    public void Failed_re_measurement_is_inconclusive_with_the_reason()
    {
        var outcome = RegressionGate.Decide(Result(LogRatios(1.5, 200, 0.05, 1)), Baseline(), [], Here, Policy, () => (null, "child process timed out"));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(outcome.Message, Does.Contain("timed out"));
    }

    [Test]
    public void Without_reference_samples_raw_times_are_compared_and_said_so()
    {
        var current = Result(LogRatios(1.5, 200, 0.05, 1)) with { NormalisedSamples = [] };
        var outcome = RegressionGate.Decide(current, Baseline(), [], Here, Policy, () => (new ChildSamples(current.SamplesNanosecondsPerOperation.ToArray(), [], 0), null));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Message, Does.Contain("raw times"));
    }
}
