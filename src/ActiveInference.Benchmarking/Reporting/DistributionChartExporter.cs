using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Writes a <see cref="DistributionChart"/> per benchmark into <c>charts/</c> (<see cref="ChartFileName"/>).</summary>
internal sealed class DistributionChartExporter : IExporter
{
    /// <summary>Subdirectory of the results directory that holds the charts.</summary>
    public const string Subdirectory = "charts";

    /// <summary>The chart kind in file names.</summary>
    public const string Kind = "distribution";

    private readonly IReadOnlyDictionary<string, IReadOnlyList<double>> _baselineSamples;
    private readonly ChartFormat _format;
    private readonly int _width;
    private readonly int _height;

    /// <summary>Creates the exporter.</summary>
    /// <param name="baselineSamples">Baseline samples in ns/op keyed by benchmark full name (from the baseline of this
    /// machine profile); benchmarks without an entry are drawn alone. Null for none.</param>
    /// <param name="format">PNG or SVG.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public DistributionChartExporter(
        IReadOnlyDictionary<string, IReadOnlyList<double>>? baselineSamples = null, ChartFormat format = ChartFormat.Png, int width = 800, int height = 500)
    {
        ChartImage.CheckSize(width, height);
        _baselineSamples = baselineSamples ?? new Dictionary<string, IReadOnlyList<double>>();
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
            Path.Combine(directory, Subdirectory), Kind, _format, report.OrderedResults(),
            result => DistributionChart.Render(result, _baselineSamples.GetValueOrDefault(result.Measured.FullName), _format, _width, _height));
    }
}
