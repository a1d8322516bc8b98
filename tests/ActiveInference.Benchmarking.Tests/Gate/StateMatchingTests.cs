using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Gate.StateWorld;

namespace ActiveInference.Benchmarking.Tests.Gate;

public class StateMatchingTests
{
    private static StateSample[] Pooled(Baseline baseline, string[] probes) => [.. StateMatching.SamplesByRecording(baseline, probes).SelectMany(r => r)];

    private static double Shift(BenchmarkResult current)
    {
        var baseline = StateWorld.Baseline();
        var probes = StateMatching.CommonProbes(current.StateSamples, baseline);
        var estimate = StateMatching.Estimate(Pooled(baseline, probes),
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
        var plainRatio = Math.Exp(Normalised.Of(current.SamplesNanosecondsPerOperation, current.StateSamples["quadratic-form-32"]).Order().ElementAt(100) - Math.Log(BenchmarkNs / ProbeNs[2]));

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

        var estimate = StateMatching.Estimate(Pooled(baseline, probes),
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

        var estimate = StateMatching.Estimate(Pooled(baseline, probes), StateMatching.Samples(ns, view, probes))!;

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

        Assert.That(StateMatching.Estimate(Pooled(baseline, probes), StateMatching.Samples(ns, view, probes)), Is.Null);
    }

    [Test]
    public void Matching_needs_probes_on_both_sides()
    {
        var withProbes = Result(1.0, 7, 0);
        var withoutProbes = withProbes with { StateSamples = new Dictionary<string, IReadOnlyList<double>>() };

        Assert.That(StateMatching.CommonProbes(withProbes.StateSamples, StateWorld.Baseline()), Is.EqualTo(Probes));
        Assert.That(StateMatching.CommonProbes(withoutProbes.StateSamples, StateWorld.Baseline()), Is.Empty);
        Assert.That(StateMatching.CommonProbes(withProbes.StateSamples, WithoutProbes(StateWorld.Baseline())), Is.Empty, "recordings made without probes");
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

public class StateMatchingNoiseFloorTests
{
    private static double Floor(Baseline baseline) =>
        StateMatching.NoiseFloor(StateMatching.SamplesByRecording(baseline, Probes), 3);

    [Test]
    public void Recordings_that_agree_give_a_floor_far_below_the_threshold()
    {
        Assert.That(Floor(StateWorld.Baseline()), Is.GreaterThan(0).And.LessThan(0.02));
    }

    [Test]
    public void Recordings_whose_processes_landed_apart_give_a_floor_of_that_size()
    {
        Assert.That(Floor(StateWorld.Baseline(1.00, 1.03, 0.97, 1.06, 0.94)), Is.GreaterThan(Math.Log(1.15)).And.LessThan(Math.Log(1.5)));
    }

    [Test]
    public void Fewer_than_five_recordings_give_no_floor()
    {
        Assert.That(Floor(StateWorld.Baseline(1.00, 1.05, 0.95, 1.10)), Is.Zero);
    }

    [Test]
    public void One_shared_probe_is_not_enough_to_match_on()
    {
        var current = Result(1.0, 8, 0);
        var oneProbe = current.StateSamples.Where(p => p.Key == Probes[0]).ToDictionary(p => p.Key, p => p.Value);

        Assert.That(StateMatching.CommonProbes(oneProbe, StateWorld.Baseline()), Is.Empty);
    }

    [Test]
    public void A_probe_missing_from_one_recording_is_not_matched_on()
    {
        var baseline = StateWorld.Baseline();
        var last = baseline.Recordings[^1];
        var partial = baseline with
        {
            Recordings = [.. baseline.Recordings.SkipLast(1), last with { StateSamples = last.StateSamples.Where(p => p.Key != Probes[1]).ToDictionary(p => p.Key, p => p.Value) }],
        };

        Assert.That(StateMatching.CommonProbes(Result(1.0, 9, 0).StateSamples, partial), Is.EqualTo(new[] { Probes[0], Probes[2] }));
    }

}
