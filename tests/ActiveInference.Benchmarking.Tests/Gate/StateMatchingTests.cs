using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Gate.StateWorld;

namespace ActiveInference.Benchmarking.Tests.Gate;

public class StateMatchingTests
{
    private static double Shift(BenchmarkResult current)
    {
        var baseline = StateWorld.Baseline();
        var probes = StateMatching.CommonProbes(current.StateSamples, baseline);
        var estimate = StateMatching.Estimate(StateMatching.Samples(baseline, probes),
            StateMatching.Samples(current.SamplesNanosecondsPerOperation, current.StateSamples, probes));
        Assert.That(estimate, Is.Not.Null);
        return estimate!.Shift;
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Same_code_in_any_seen_state_has_no_shift(int state)
    {
        Assert.That(Shift(Result(1.0, 1, state)), Is.EqualTo(0).Within(0.02));
    }

    [Test]
    public void A_process_in_a_state_that_slows_the_benchmark_more_than_the_reference_is_not_mistaken_for_a_regression()
    {
        var current = Result(1.0, 2, 2);
        var plainRatio = Math.Exp(current.NormalisedSamples.Order().ElementAt(100) - Math.Log(BenchmarkNs / ProbeNs[2]));

        Assert.That(plainRatio, Is.GreaterThan(1.25), "dividing by the reference alone would call this a regression");
        Assert.That(Shift(current), Is.EqualTo(0).Within(0.02));
    }

    [TestCase(0, 1.2)]
    [TestCase(1, 1.2)]
    [TestCase(2, 1.5)]
    public void A_real_change_is_measured_in_every_state(int state, double change)
    {
        Assert.That(Shift(Result(change, 3, state)), Is.EqualTo(Math.Log(change)).Within(0.02));
    }

    [Test]
    public void A_state_the_baseline_never_saw_gives_no_estimate()
    {
        var baseline = StateWorld.Baseline();
        var (ns, state) = Process(1.0, 200, 4, 0);
        state["quadratic-form-32"] = state["quadratic-form-32"].Select(v => v * 3).ToArray();
        var probes = StateMatching.CommonProbes(state.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value), baseline);

        var estimate = StateMatching.Estimate(StateMatching.Samples(baseline, probes),
            StateMatching.Samples(ns, state.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value), probes));

        Assert.That(estimate, Is.Null);
    }

    [Test]
    public void Samples_in_unseen_states_are_left_out_and_counted()
    {
        var baseline = StateWorld.Baseline();
        var (ns, state) = Process(1.0, 200, 5, 0);
        for (var i = 0; i < 50; i++) state["memory-stream-1MiB"][i] *= 4;
        var view = state.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value);
        var probes = StateMatching.CommonProbes(view, baseline);

        var estimate = StateMatching.Estimate(StateMatching.Samples(baseline, probes), StateMatching.Samples(ns, view, probes))!;

        Assert.That(estimate.Total, Is.EqualTo(200));
        Assert.That(estimate.Matched, Is.EqualTo(150));
        Assert.That(estimate.Shift, Is.EqualTo(0).Within(0.02));
    }

    [Test]
    public void Too_few_matched_samples_give_no_estimate()
    {
        var baseline = StateWorld.Baseline();
        var (ns, state) = Process(1.0, StateMatching.MinMatched - 1, 6, 0);
        var view = state.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value);
        var probes = StateMatching.CommonProbes(view, baseline);

        Assert.That(StateMatching.Estimate(StateMatching.Samples(baseline, probes), StateMatching.Samples(ns, view, probes)), Is.Null);
    }

    [Test]
    public void Matching_needs_probes_on_both_sides()
    {
        var withProbes = Result(1.0, 7, 0);
        var withoutProbes = withProbes with { StateSamples = new Dictionary<string, IReadOnlyList<double>>() };

        Assert.That(StateMatching.CommonProbes(withProbes.StateSamples, StateWorld.Baseline()), Is.EqualTo(Probes));
        Assert.That(StateMatching.CommonProbes(withoutProbes.StateSamples, StateWorld.Baseline()), Is.Empty);
        Assert.That(StateMatching.CommonProbes(withProbes.StateSamples, GateSamples.Baseline()), Is.Empty, "recordings made without probes");
    }

    [Test]
    public void Samples_with_a_non_positive_time_are_left_out()
    {
        var state = new Dictionary<string, IReadOnlyList<double>> { ["a"] = [1.0, 2.0, 3.0], ["b"] = [1.0, 0.0, 3.0] };

        var samples = StateMatching.Samples([5.0, 6.0, 0.0], state, ["a", "b"]);

        Assert.That(samples, Has.Length.EqualTo(1));
        Assert.That(samples[0].LogTime, Is.EqualTo(Math.Log(5.0)));
        Assert.That(samples[0].LogState, Is.EqualTo(new[] { 0.0, 0.0 }));
    }
}

public class RegressionGateStateMatchedTests
{
    private static readonly GatePolicy Policy = new();

    private static GateOutcome Decide(BenchmarkResult current, Func<(ActiveInference.Benchmarking.Execution.ChildSamples?, string?)> children) =>
        RegressionGate.Decide(current, StateWorld.Baseline(), [], GateSamples.Here, Policy, children);

    [Test]
    public void Same_code_in_a_slow_state_passes_without_re_measuring()
    {
        var outcome = Decide(Result(1.0, 10, 2), GateSamples.NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.Null);
        Assert.That(outcome.Message, Does.Contain("state-matched"));
    }

    [Test]
    public void A_regression_seen_in_the_fresh_processes_too_fails()
    {
        var outcome = Decide(Result(1.3, 11, 0), Children((1.3, 1), (1.3, 2)));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed));
        Assert.That(outcome.Confirmed, Is.True);
        Assert.That(outcome.Ratio, Is.EqualTo(1.3).Within(0.03));
        Assert.That(outcome.Message, Does.StartWith("Kernel(100) regressed +").And.Contain("threshold 10%").And.Contain("mean of 3 processes"));
    }

    [Test]
    public void A_suspect_the_fresh_processes_do_not_repeat_passes()
    {
        var outcome = Decide(Result(1.3, 12, 0), Children((1.0, 1)));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Confirmed, Is.False);
        Assert.That(outcome.Message, Does.Contain("not confirmed"));
    }

    [Test]
    public void One_wild_first_process_cannot_carry_the_mean_alone()
    {
        var outcome = Decide(Result(1.6, 13, 0), Children((1.03, 0), (1.03, 1)));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
    }

    [Test]
    public void A_state_never_seen_is_measured_again_in_a_fresh_process()
    {
        var current = Result(1.0, 14, 0);
        var shifted = current with
        {
            StateSamples = current.StateSamples.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value.Select(v => v * 3).ToArray()),
        };

        var outcome = Decide(shifted, Children((1.0, 1)));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Message, Does.Contain("measured again in a fresh process"));
    }

    [Test]
    public void When_no_process_matches_the_gate_compares_without_state_matching_and_says_so()
    {
        var current = Result(1.0, 15, 0);
        var shifted = current with
        {
            StateSamples = current.StateSamples.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value.Select(v => v * 3).ToArray()),
        };

        var outcome = Decide(shifted, () => (new ActiveInference.Benchmarking.Execution.ChildSamples([.. shifted.SamplesNanosecondsPerOperation], [], 0,
            shifted.StateSamples.ToDictionary(p => p.Key, p => p.Value.ToArray())), null));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Message, Does.Not.Contain("state-matched"));
        Assert.That(outcome.Message, Does.Contain("compared without state matching").And.Contain("never saw").And.Contain("5 recordings"));
    }

    [Test]
    public void A_clear_improvement_is_reported()
    {
        var outcome = Decide(Result(0.7, 16, 1), Children((0.7, 2), (0.7, 0)));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Improved));
        Assert.That(outcome.Confirmed, Is.True);
        Assert.That(outcome.Message, Does.Contain("mean of 3 processes -30"));
    }

    [Test]
    public void An_improvement_the_fresh_processes_do_not_repeat_passes()
    {
        var outcome = Decide(Result(0.7, 18, 1), Children((1.0, 2)));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(outcome.Message, Does.Contain("an improvement not confirmed"));
    }

    [Test]
    public void Baselines_recorded_without_probes_are_compared_the_old_way()
    {
        var outcome = RegressionGate.Decide(Result(1.0, 17, 0), GateSamples.Baseline(), [], GateSamples.Here, Policy, () => (null, "no fresh process in this test"));

        Assert.That(outcome.Message, Does.Not.Contain("state-matched"));
    }
}
