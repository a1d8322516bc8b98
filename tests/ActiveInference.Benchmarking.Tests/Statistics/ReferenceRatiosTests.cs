using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class ReferenceRatiosTests
{
    [Test]
    public void EachSampleIsTheLogOfItsTimeOverTheReferenceTimeTakenAfterIt()
    {
        Assert.That(ReferenceRatios.Of([10, 20, 40], [20, 20, 10]), Is.EqualTo(new[] { Math.Log(0.5), 0, Math.Log(4) }));
    }

    [Test]
    public void NonFiniteValuesAreLeftOut()
    {
        Assert.That(ReferenceRatios.Of([10, 0, -5, 40], [20, 20, 20, 10]), Is.EqualTo(new[] { Math.Log(0.5), Math.Log(4) }));
    }

    [Test]
    public void WithoutAnAlignedReferenceColumnThereAreNone()
    {
        Assert.That(ReferenceRatios.Of([10, 20], null), Is.Empty);
        Assert.That(ReferenceRatios.Of([10, 20], [20]), Is.Empty);
    }

    [Test]
    public void TheReferenceColumnComesBackFromNormalisedSamplesAlignedWithTheSamples()
    {
        double[] samples = [10, 20, 40];
        double[] reference = [20, 20, 10];

        var back = ReferenceRatios.Reference(samples, ReferenceRatios.Of(samples, reference));

        Assert.That(back, Is.EqualTo(reference).Within(1e-12));
        Assert.That(ReferenceRatios.Reference(samples, [0.1, 0.2]), Is.Null, "not aligned");
        Assert.That(ReferenceRatios.Reference(samples, []), Is.Null);
    }

    [Test]
    public void AResultDerivesThemFromTheReferenceWorkloadsStateColumn()
    {
        var run = new EngineRun(
            [
                new Measurement(IterationStage.Measurement, 0, 10, 100, 0, GcCounts.Zero, 40),
                new Measurement(IterationStage.Measurement, 1, 10, 0, 0, GcCounts.Zero, 40),
                new Measurement(IterationStage.Measurement, 2, 10, 300, 0, GcCounts.Zero, 20),
            ],
            10, 0, false, TimeSpan.FromSeconds(1), 0, QuadraticFormReference.ReferenceName)
        {
            Probes = [new CompanionSamples("branch-4k", 1, [5.0, 5.0, 5.0])],
        };

        var result = ResultFactory.Create("S.B(1)", "B(1)", "S", run, new Dictionary<string, double>(), [], DateTimeOffset.UnixEpoch);

        Assert.That(result.StateSamples[QuadraticFormReference.ReferenceName], Is.EqualTo(new[] { 40.0, 40, 20 }));
        Assert.That(result.NormalisedSamples, Is.EqualTo(run.Measured.Select(m => Math.Log(m.NanosecondsPerOperation / m.ReferenceNanosecondsPerOperation)).Where(double.IsFinite)), "as the engine's log ratios, non-finite ones left out");
        Assert.That(result.NormalisedSamples, Is.EqualTo(new[] { Math.Log(10.0 / 40), Math.Log(30.0 / 20) }));
        Assert.That((result with { StateSamples = new Dictionary<string, IReadOnlyList<double>>() }).NormalisedSamples, Is.Empty, "none without the column");
    }
}
