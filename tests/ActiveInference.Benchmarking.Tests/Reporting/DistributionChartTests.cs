using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class DistributionChartTests
{
    private static readonly GatedResult Current = SampleRun.Result("S.FreeEnergy(10)", "FreeEnergy(10)", "S", 3_634,
        gate: new GateOutcome { Verdict = Verdict.Regressed, Message = "slower", Ratio = 1.25, Threshold = 0.1, BaselineMedianNanoseconds = 2_900, CurrentMedianNanoseconds = 3_634 });

    private static readonly double[] Baseline = [2_900, 2_950, 2_880, 2_910, 3_000, 2_990, 2_920];

    [Test]
    public void PngIsAValidImageOfTheRequestedSize()
    {
        ImageAssert.IsPng(DistributionChart.Render(Current, Baseline, ChartFormat.Png, 640, 360), 640, 360);
    }

    [Test]
    public void SvgShowsBothSeriesWithTheirSampleCounts()
    {
        var svg = ImageAssert.IsSvg(DistributionChart.Render(Current, Baseline, ChartFormat.Svg, 800, 500), 800, 500);
        var texts = ImageAssert.Texts(svg);

        Assert.That(texts, Does.Contain("baseline (n=7)"));
        Assert.That(texts, Does.Contain("current (n=5)"));
        Assert.That(texts, Does.Contain("FreeEnergy(10) (+25.0%)"));
        Assert.That(texts, Does.Contain("time per operation (µs)"));
        // One open circle per sample, plus one per legend entry.
        Assert.That(ImageAssert.Count(svg, "ellipse"), Is.EqualTo(7 + 5 + 2));
    }

    [Test]
    public void WithoutABaselineOnlyTheCurrentSamplesAreDrawn()
    {
        var svg = ImageAssert.IsSvg(DistributionChart.Render(Current, null, ChartFormat.Svg, 800, 500), 800, 500);
        var texts = ImageAssert.Texts(svg);

        Assert.That(texts, Does.Contain("current (n=5)"));
        Assert.That(texts.Any(t => t.StartsWith("baseline", StringComparison.Ordinal)), Is.False);
        Assert.That(ImageAssert.Count(svg, "ellipse"), Is.EqualTo(5 + 1));
    }

    [Test]
    public void AHostileNameAndNaNSamplesStillGiveAValidSvg()
    {
        var odd = SampleRun.Result("S.X(\"<a&b>\"\n)", "X(\"<a&b>\"\n)", "S", double.NaN);
        var svg = ImageAssert.IsSvg(DistributionChart.Render(odd, [double.NaN, 1, 2], ChartFormat.Svg, 300, 200), 300, 200);
        Assert.That(ImageAssert.Texts(svg), Does.Contain("X(\"<a&b>\" )"));
    }

    [TestCase(0, 100)]
    [TestCase(100, 0)]
    [TestCase(10_001, 100)]
    public void AnImpossibleSizeIsRefused(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionChart.Render(Current, null, ChartFormat.Png, width, height));
    }
}
