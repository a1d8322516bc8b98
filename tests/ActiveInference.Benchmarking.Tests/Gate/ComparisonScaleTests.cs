using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Gate.GateSamples;

namespace ActiveInference.Benchmarking.Tests.Gate;

public class ComparisonScaleTests
{
    /// <summary>
    /// One process whose reference flips between a fast and a slow state (×<paramref name="referenceSwing"/>) while the
    /// benchmark follows with exponent <paramref name="follows"/>; the process itself sits at <paramref name="level"/>.
    /// </summary>
    private static (double[] Nanoseconds, double[] Normalised) Process(double level, double referenceLevel, double referenceSwing, double follows, int seed, int n = 200)
    {
        var random = new Random(seed);
        var ns = new double[n];
        var normalised = new double[n];
        for (var i = 0; i < n; i++)
        {
            var slow = (i / 25) % 2 == 1;
            var reference = referenceLevel * (slow ? referenceSwing : 1) * Math.Exp(0.01 * (random.NextDouble() - 0.5));
            ns[i] = level * Math.Pow(slow ? referenceSwing : 1, follows) * Math.Exp(0.01 * (random.NextDouble() - 0.5));
            normalised[i] = Math.Log(ns[i] / reference);
        }
        return (ns, normalised);
    }

    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    public void Weight_is_the_share_of_the_reference_swings_the_benchmark_follows(double follows)
    {
        var scale = ComparisonScale.Estimate([Process(1000, 500, 1.8, follows, 1), Process(1000, 500, 1.8, follows, 2)]);

        Assert.That(scale.Weight, Is.EqualTo(follows).Within(0.05));
    }

    [Test]
    public void Without_a_reference_on_either_side_the_scale_is_raw_time()
    {
        var scale = ComparisonScale.Estimate([Process(1000, 500, 1.8, 1, 1), (new double[] { 1, 2, 3 }, Array.Empty<double>())]);

        Assert.That(scale.Weight, Is.Zero);
        Assert.That(scale.Apply([1, Math.E], []), Is.EqualTo(new[] { 0.0, 1.0 }).Within(1e-12));
    }

    [Test]
    public void A_reference_that_never_changes_carries_no_information_and_keeps_plain_normalisation()
    {
        var ns = Enumerable.Range(0, 50).Select(i => 1000.0 + i).ToArray();
        var normalised = ns.Select(v => Math.Log(v / 500)).ToArray();

        Assert.That(ComparisonScale.Estimate([(ns, normalised)]).Weight, Is.EqualTo(1));
    }

    [Test]
    public void Samples_fully_eaten_by_overhead_are_left_out_and_the_rest_stay_paired()
    {
        var values = new ComparisonScale(1).Apply([0, 100, 200], [Math.Log(100.0 / 50), Math.Log(200.0 / 50)]);

        Assert.That(values, Is.EqualTo(new[] { Math.Log(2), Math.Log(4) }).Within(1e-12));
    }

    [Test]
    public void Benchmark_that_ignores_the_reference_is_not_flagged_when_only_the_reference_got_faster()
    {
        // Seen on the real suite: raw time unchanged, the reference 1.6x faster in this process: a plain ratio says +60%.
        var recordings = Enumerable.Range(0, 3).Select(i => Recording(Process(1000, 500, 1.8, 0, 10 + i))).ToArray();
        var (ns, normalised) = Process(1000, 500 / 1.6, 1.8, 0, 20);
        var current = Result([.. normalised]) with { SamplesNanosecondsPerOperation = ns };

        var outcome = RegressionGate.Decide(current, new Baseline("Suite.Kernel(10)", Here, recordings), [], Here, new GatePolicy(), NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed), outcome.Message);
        Assert.That(outcome.Message, Does.Contain("raw times").Or.Contain("reference weight"));
    }

    [Test]
    public void Recordings_that_disagree_raise_the_limit_to_their_noise_floor()
    {
        var recordings = new[] { 1.0, 1.3, 0.8 }.Select((level, i) => Recording(Process(1000 * level, 500, 1.8, 0, 30 + i))).ToArray();
        var (ns, normalised) = Process(1250, 500, 1.8, 0, 40);
        var current = Result([.. normalised]) with { SamplesNanosecondsPerOperation = ns };

        var outcome = RegressionGate.Decide(current, new Baseline("Suite.Kernel(10)", Here, recordings), [], Here, new GatePolicy(), NoChild);

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Passed), outcome.Message);
        Assert.That(outcome.Message, Does.Contain("noise floor").And.Contain("3 recordings"));
    }

    [Test]
    public void One_recording_from_a_disturbed_machine_does_not_raise_the_noise_floor()
    {
        var recordings = new[] { 1.0, 1.02, 0.98, 1.01, 3.0 }.Select((level, i) => Recording(Process(1000 * level, 500, 1.8, 0, 70 + i))).ToArray();
        var (ns, normalised) = Process(1300, 500, 1.8, 0, 80);
        var current = Result([.. normalised]) with { SamplesNanosecondsPerOperation = ns };
        var child = Process(1320, 500, 1.8, 0, 81);

        var outcome = RegressionGate.Decide(current, new Baseline("Suite.Kernel(10)", Here, recordings), [], Here, new GatePolicy(),
            () => (new Benchmarking.Execution.ChildSamples(child.Nanoseconds, child.Normalised, 0), null));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed), outcome.Message);
    }

    [Test]
    public void A_large_regression_is_still_caught_above_the_noise_floor()
    {
        var recordings = new[] { 1.0, 1.1, 0.95 }.Select((level, i) => Recording(Process(1000 * level, 500, 1.8, 0, 50 + i))).ToArray();
        var (ns, normalised) = Process(3000, 500, 1.8, 0, 60);
        var current = Result([.. normalised]) with { SamplesNanosecondsPerOperation = ns };
        var child = Process(2900, 500, 1.8, 0, 61);

        var outcome = RegressionGate.Decide(current, new Baseline("Suite.Kernel(10)", Here, recordings), [], Here, new GatePolicy(),
            () => (new Benchmarking.Execution.ChildSamples(child.Nanoseconds, child.Normalised, 0), null));

        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Regressed), outcome.Message);
    }

    private static Benchmarking.Baselines.Recording Recording((double[] Nanoseconds, double[] Normalised) process) =>
        Benchmarking.Baselines.Recording.From(Result([.. process.Normalised]) with { SamplesNanosecondsPerOperation = process.Nanoseconds }, "abc");
}
