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
    public void SameCodeInAnySeenStateHasNoShift(int state)
    {
        Assert.That(Shift(Result(1.0, 1, state)), Is.EqualTo(0).Within(0.02));
    }

    [Test]
    public void AProcessInAStateThatSlowsTheBenchmarkMoreThanTheReferenceIsNotMistakenForARegression()
    {
        var current = Result(1.0, 2, 2);
        var plainRatio = Math.Exp(ReferenceRatios.Of(current.SamplesNanosecondsPerOperation, current.StateSamples["quadratic-form-32"]).Order().ElementAt(100) - Math.Log(BenchmarkNs / ProbeNs[2]));

        Assert.That(plainRatio, Is.GreaterThan(1.25), "dividing by the reference alone would call this a regression");
        Assert.That(Shift(current), Is.EqualTo(0).Within(0.02));
    }

    [TestCase(0, 1.2)]
    [TestCase(1, 1.2)]
    [TestCase(2, 1.5)]
    public void ARealChangeIsMeasuredInEveryState(int state, double change)
    {
        Assert.That(Shift(Result(change, 3, state)), Is.EqualTo(Math.Log(change)).Within(0.02));
    }

    [Test]
    public void AStateTheBaselineNeverSawGivesNoEstimate()
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
    public void SamplesInUnseenStatesAreLeftOutAndCounted()
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
    public void TooFewMatchedSamplesGiveNoEstimate()
    {
        var baseline = StateWorld.Baseline();
        var (ns, state) = Process(1.0, StateMatching.MinMatched - 1, 6, 0);
        var view = state.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value);
        var probes = StateMatching.CommonProbes(view, baseline);

        Assert.That(StateMatching.Estimate(Pooled(baseline, probes), StateMatching.Samples(ns, view, probes)), Is.Null);
    }

    [Test]
    public void MatchingNeedsProbesOnBothSides()
    {
        var withProbes = Result(1.0, 7, 0);
        var withoutProbes = withProbes with { StateSamples = new Dictionary<string, IReadOnlyList<double>>() };

        Assert.That(StateMatching.CommonProbes(withProbes.StateSamples, StateWorld.Baseline()), Is.EqualTo(Probes));
        Assert.That(StateMatching.CommonProbes(withoutProbes.StateSamples, StateWorld.Baseline()), Is.Empty);
        Assert.That(StateMatching.CommonProbes(withProbes.StateSamples, WithoutProbes(StateWorld.Baseline())), Is.Empty, "recordings made without probes");
    }

    [Test]
    public void SamplesWithANonPositiveTimeAreLeftOut()
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
    public void RecordingsThatAgreeGiveAFloorFarBelowTheThreshold()
    {
        Assert.That(Floor(StateWorld.Baseline()), Is.GreaterThan(0).And.LessThan(0.02));
    }

    [Test]
    public void RecordingsWhoseProcessesLandedApartGiveAFloorOfThatSize()
    {
        Assert.That(Floor(StateWorld.Baseline(1.00, 1.03, 0.97, 1.06, 0.94)), Is.GreaterThan(Math.Log(1.15)).And.LessThan(Math.Log(1.5)));
    }

    [Test]
    public void FewerThanFiveRecordingsGiveNoFloor()
    {
        Assert.That(Floor(StateWorld.Baseline(1.00, 1.05, 0.95, 1.10)), Is.Zero);
    }

    [Test]
    public void OneSharedProbeIsNotEnoughToMatchOn()
    {
        var current = Result(1.0, 8, 0);
        var oneProbe = current.StateSamples.Where(p => p.Key == Probes[0]).ToDictionary(p => p.Key, p => p.Value);

        Assert.That(StateMatching.CommonProbes(oneProbe, StateWorld.Baseline()), Is.Empty);
    }

    [Test]
    public void AProbeMissingFromOneRecordingIsNotMatchedOn()
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
