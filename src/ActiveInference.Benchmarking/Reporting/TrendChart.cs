using System.Globalization;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.History;
using ScottPlot;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Draws a benchmark's raw history (the machine's speed is in it; the anchored series are the dashboard's): median per run with its interval band, change points and segment levels.</summary>
internal static class TrendChart
{
    /// <summary>Legend text of the medians.</summary>
    public const string MedianLabel = "raw median";

    /// <summary>Legend text of the change-point lines.</summary>
    public const string ChangeLabel = "raw level change";

    /// <summary>Legend text of the per-segment level.</summary>
    public const string LevelLabel = "level";

    private const int MaxDateLabels = 8;

    /// <summary>
    /// Renders <paramref name="trend"/> as an image of <paramref name="width"/> × <paramref name="height"/> pixels (1
    /// to 10000 each).
    /// </summary>
    public static byte[] Render(BenchmarkTrend trend, ChartFormat format, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ChartImage.CheckSize(width, height);
        var points = trend.Points;
        var unit = TimeUnit.For(points.Count > 0 ? Statistics.Quantile.MedianOrNaN(points.Select(p => p.MedianNanoseconds)) : 0);
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var medians = points.Select(p => p.MedianNanoseconds / unit.Nanoseconds).ToArray();

        var plot = new Plot();
        if (points.Count > 0)
        {
            var band = plot.Add.FillY(
                xs,
                points.Select(p => Bound(p.MedianInterval.Lower, p.MedianNanoseconds) / unit.Nanoseconds).ToArray(),
                points.Select(p => Bound(p.MedianInterval.Upper, p.MedianNanoseconds) / unit.Nanoseconds).ToArray());
            band.FillColor = Colors.Blue.WithAlpha(0.15);
            band.LegendText = "95% interval";
            var line = plot.Add.Scatter(xs, medians, Colors.Blue);
            line.LegendText = MedianLabel;
        }

        var starts = new[] { 0 }.Concat(trend.ChangePoints).Append(points.Count).ToArray();
        for (var s = 0; s + 1 < starts.Length; s++)
        {
            var level = Statistics.Quantile.MedianOrNaN(medians[starts[s]..starts[s + 1]]);
            var segment = plot.Add.Line(starts[s] - 0.4, level, starts[s + 1] - 0.6, level);
            segment.LineColor = Colors.DarkGreen;
            segment.LineWidth = 2;
            segment.LegendText = s == 0 ? LevelLabel : "";
        }

        for (var c = 0; c < trend.ChangePoints.Count; c++)
        {
            var change = plot.Add.VerticalLine(trend.ChangePoints[c] - 0.5, 1.5f, Colors.Red, LinePattern.Dashed);
            change.LegendText = c == 0 ? ChangeLabel : "";
        }

        var step = Math.Max(1, (int)Math.Ceiling(points.Count / (double)MaxDateLabels));
        var ticks = Enumerable.Range(0, points.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(i => (double)i).ToArray(),
            ticks.Select(i => points[i].Timestamp.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
        plot.Title(ChartImage.Label(trend.FullName));
        plot.YLabel($"raw median time per operation ({unit.Symbol}), machine speed included");
        plot.XLabel("run");
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartImage.Encode(plot, format, width, height);
    }

    /// <summary>An interval bound, or the median itself when the bound is unknown (NaN), so the band never breaks.</summary>
    private static double Bound(double bound, double median) => double.IsFinite(bound) ? bound : median;
}
