using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;
using ScottPlot;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Draws one benchmark's samples next to its baseline's as box plots over strips of the samples.</summary>
internal static class DistributionChart
{
    /// <summary>Legend text of the current run's samples (followed by the sample count).</summary>
    public const string CurrentLabel = "current";

    /// <summary>Legend text of the baseline's samples.</summary>
    public const string BaselineLabel = "baseline";

    /// <summary>
    /// Renders the chart of <paramref name="result"/> against <paramref name="baselineSamples"/> (ns/op; null or empty
    /// when there is no baseline).
    /// </summary>
    /// <param name="result">The benchmark; its measured <see cref="BenchmarkResult.SamplesNanosecondsPerOperation"/>
    /// are drawn (NaN and infinity left out), red when the gate judged it regressed.</param>
    /// <param name="baselineSamples">The baseline's samples in ns/op, or null.</param>
    /// <param name="format">PNG or SVG.</param>
    /// <param name="width">Image width in pixels (1 to 10000).</param>
    /// <param name="height">Image height in pixels (1 to 10000).</param>
    public static byte[] Render(GatedResult result, IReadOnlyList<double>? baselineSamples, ChartFormat format, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(result);
        ChartImage.CheckSize(width, height);
        var current = Finite(result.Measured.SamplesNanosecondsPerOperation);
        var baseline = Finite(baselineSamples ?? []);
        var unit = TimeUnit.For(current.Length > 0 ? Statistics.Quantile.OfSortedOrNaN(current, 0.5) : Statistics.Quantile.OfSortedOrNaN(baseline, 0.5));

        var plot = new Plot();
        var groups = new List<(string Label, double[] Samples, Color Color)>();
        if (baseline.Length > 0)
        {
            groups.Add((BaselineLabel, baseline, Colors.Gray));
        }

        groups.Add((CurrentLabel, current, result.Gate?.Verdict == Gate.Verdict.Regressed ? Colors.Red : Colors.Blue));
        for (var position = 0; position < groups.Count; position++)
        {
            var (label, samples, color) = groups[position];
            if (samples.Length == 0)
            {
                continue;
            }

            var scaled = samples.Select(s => s / unit.Nanoseconds).ToArray();
            var box = plot.Add.Box(new Box
            {
                Position = position,
                BoxMin = Statistics.Quantile.OfSortedOrNaN(scaled, 0.25),
                BoxMax = Statistics.Quantile.OfSortedOrNaN(scaled, 0.75),
                BoxMiddle = Statistics.Quantile.OfSortedOrNaN(scaled, 0.5),
                WhiskerMin = scaled[0],
                WhiskerMax = scaled[^1],
            });
            box.FillColor = color.WithAlpha(0.25);
            box.LegendText = "";
            var strip = plot.Add.Markers(Jitter(position, scaled.Length), scaled, MarkerShape.OpenCircle, 5, color);
            strip.LegendText = $"{label} (n={samples.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, groups.Count).Select(i => (double)i).ToArray(),
            groups.Select(g => g.Label).ToArray());
        plot.Axes.SetLimitsX(-0.6, groups.Count - 0.4);
        var change = result.Gate?.Ratio is { } ratio ? $" ({Readable.Change(ratio)})" : "";
        plot.Title(ChartImage.Label(result.Measured.Name + change));
        plot.YLabel($"time per operation ({unit.Symbol})");
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartImage.Encode(plot, format, width, height);
    }

    private static double[] Finite(IEnumerable<double> values) => values.Where(double.IsFinite).Order().ToArray();

    /// <summary>Deterministic horizontal spread of a strip (golden-ratio sequence), so equal runs of the chart give equal files.</summary>
    private static double[] Jitter(int position, int count) =>
        Enumerable.Range(0, count).Select(i => position + (0.3 * (((i * 0.6180339887) % 1.0) - 0.5))).ToArray();
}
