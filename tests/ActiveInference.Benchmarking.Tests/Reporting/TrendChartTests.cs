using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Tests.History;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class TrendChartTests
{
    private static readonly BenchmarkTrend Stepped = new("S.B(1)", TrendAnalyserTests.Points(100, 101, 99, 150, 151, 149, 152), [3]);

    [Test]
    public void PngIsAValidImageOfTheRequestedSize()
    {
        ImageAssert.IsPng(TrendChart.Render(Stepped, ChartFormat.Png, 900, 400), 900, 400);
    }

    [Test]
    public void SvgShowsMediansLevelsChangePointsAndDates()
    {
        var svg = ImageAssert.IsSvg(TrendChart.Render(Stepped, ChartFormat.Svg, 900, 500), 900, 500);
        var texts = ImageAssert.Texts(svg);

        Assert.That(texts, Does.Contain(TrendChart.MedianLabel));
        Assert.That(texts, Does.Contain(TrendChart.LevelLabel));
        Assert.That(texts, Does.Contain(TrendChart.ChangeLabel));
        Assert.That(texts, Does.Contain("2025-01-01"));
        Assert.That(texts, Does.Contain("S.B(1)"));
        Assert.That(texts, Does.Contain("raw median time per operation (ns), machine speed included"));
        Assert.That(ImageAssert.Count(svg, "ellipse"), Is.EqualTo(7 + 1), "a marker per run, plus the legend's");
    }

    [Test]
    public void ASteadySeriesHasNoChangeMarker()
    {
        var steady = Stepped with { ChangePoints = [] };
        var texts = ImageAssert.Texts(ImageAssert.IsSvg(TrendChart.Render(steady, ChartFormat.Svg, 900, 500), 900, 500));
        Assert.That(texts, Does.Not.Contain(TrendChart.ChangeLabel));
    }

    [Test]
    public void LongHistoriesGetAtMostEightDateLabels()
    {
        var medians = Enumerable.Range(0, 50).Select(i => 100.0 + (i % 3)).ToArray();
        var trend = new BenchmarkTrend("S.B", TrendAnalyserTests.Points(medians), []);
        var texts = ImageAssert.Texts(ImageAssert.IsSvg(TrendChart.Render(trend, ChartFormat.Svg, 900, 500), 900, 500));
        Assert.That(texts.Count(t => t.StartsWith("2025-", StringComparison.Ordinal)), Is.InRange(2, 8));
    }
}
