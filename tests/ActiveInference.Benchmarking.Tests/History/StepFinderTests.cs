using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.History;

public class StepFinderTests
{
    private static readonly double[] Noise = [0.01, -0.012, 0.004, -0.006, 0.009, -0.003, 0.0, 0.007, -0.009, 0.002, -0.004, 0.011];

    [Test]
    public void AStepOfTwiceTheThresholdIsFoundAtItsCommitRange()
    {
        var points = Series(Enumerable.Range(0, 12).Select(i => (i < 6 ? 1.0 : 1.2) * (1 + Noise[i])));

        var step = StepFinder.Find(points, 0.10).Single();

        Assert.That((step.Index, step.LastBefore, step.FirstAfter), Is.EqualTo((6, Commit(5), Commit(6))));
        Assert.That(step.Factor, Is.EqualTo(1.2).Within(0.02));
        Assert.That(step.IsRegression(0.10), Is.True);
    }

    [Test]
    public void ALevelChangeBelowTheMinimumEffectIsNoStep()
    {
        var points = Series(Enumerable.Range(0, 12).Select(i => i < 6 ? 1.0 : 1.05));

        Assert.That(StepFinder.Find(points, 0.10), Is.Empty);
        Assert.That(StepFinder.Find(points, 0.02), Has.Count.EqualTo(1), "the same change, with a smaller minimum effect");
    }

    [Test]
    public void AnImprovementAndALaterRegressionAreTwoSteps()
    {
        var points = Series(Enumerable.Range(0, 15).Select(i => (i < 5 ? 1.0 : i < 10 ? 0.7 : 0.9) * (1 + Noise[i % Noise.Length])));

        var steps = StepFinder.Find(points, 0.10);

        Assert.That(steps.Select(s => s.Index), Is.EqualTo(new[] { 5, 10 }));
        Assert.That(steps.Select(s => s.IsRegression(0.10)), Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public void ASteadyNoisySeriesHasNoStep()
    {
        Assert.That(StepFinder.Find(Series(Noise.Select(n => 1 + 3 * n)), 0.10), Is.Empty);
    }

    private static AnchoredPoint[] Series(IEnumerable<double> ratios) =>
        ratios.Select((r, i) => new AnchoredPoint(Commit(i), null, Start.AddDays(i), "f", Anchor, Verdict.Passed, r, null, null, null, 2, 4, null, null, null, false)).ToArray();
}
