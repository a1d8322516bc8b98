using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Writes a <see cref="TrendChart"/> per benchmark from the <see cref="HistoryStore"/> (append the run first); fewer
/// than two runs: no chart.
/// </summary>
internal sealed class TrendChartExporter : IExporter
{
    /// <summary>The chart kind in file names.</summary>
    public const string Kind = "trend";

    private readonly HistoryStore _history;
    private readonly TrendAnalyser _analyser;
    private readonly ChartFormat _format;
    private readonly int _width;
    private readonly int _height;

    /// <summary>Creates the exporter over <paramref name="history"/>, finding level changes with <paramref name="analyser"/>.</summary>
    /// <param name="history">The run history.</param>
    /// <param name="analyser">Turns a series into a trend with change points.</param>
    /// <param name="format">PNG or SVG.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public TrendChartExporter(HistoryStore history, TrendAnalyser analyser, ChartFormat format = ChartFormat.Png, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(analyser);
        ChartImage.CheckSize(width, height);
        _history = history;
        _analyser = analyser;
        _format = format;
        _width = width;
        _height = height;
    }

    /// <inheritdoc />
    public string Name => $"{Kind} charts ({_format})";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(RunReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return ChartSet.Write(
            Path.Combine(directory, DistributionChartExporter.Subdirectory), Kind, _format, report.OrderedResults(),
            result =>
            {
                var trend = _analyser.Analyse(result.Measured.FullName, _history.Series(result.Measured.FullName, report.MachineProfileId));
                return trend.Points.Count < 2 ? null : TrendChart.Render(trend, _format, _width, _height);
            });
    }
}
