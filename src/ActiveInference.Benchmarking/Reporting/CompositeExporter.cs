using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Runs several exporters into one directory; a failing one is recorded and the others still run.</summary>
internal sealed class CompositeExporter
{
    private readonly IReadOnlyList<IExporter> _exporters;

    /// <summary>Creates a composite of <paramref name="exporters"/>, run in the given order.</summary>
    public CompositeExporter(params IReadOnlyList<IExporter> exporters)
    {
        ArgumentNullException.ThrowIfNull(exporters);
        if (exporters.Any(e => e is null))
        {
            throw new ArgumentException("An exporter is null.", nameof(exporters));
        }

        _exporters = exporters.ToArray();
    }

    /// <summary>The exporters, in the order they run.</summary>
    public IReadOnlyList<IExporter> Exporters => _exporters;

    /// <summary>
    /// The four text reports (<c>results.json</c>, <c>.csv</c>, <c>.txt</c>, <c>performance_report.md</c>) plus
    /// <paramref name="more"/>.
    /// </summary>
    public static CompositeExporter Standard(params IReadOnlyList<IExporter> more) =>
        new([new ResultsJsonExporter(), new ResultsCsvExporter(), new ResultsTextExporter(), new MarkdownReportExporter(), .. more]);

    /// <summary>
    /// Runs every exporter for <paramref name="report"/> into <paramref name="directory"/>; never throws for an
    /// exporter's failure.
    /// </summary>
    public ExportOutcome ExportAll(RunReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var files = new List<string>();
        var failures = new List<ExportFailure>();
        foreach (var exporter in _exporters)
        {
            try
            {
                files.AddRange(exporter.Export(report, directory));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                failures.Add(new ExportFailure(exporter.Name, error));
            }
        }

        return new ExportOutcome(files, failures);
    }
}
