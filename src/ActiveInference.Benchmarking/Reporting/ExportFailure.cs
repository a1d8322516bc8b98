namespace ActiveInference.Benchmarking.Reporting;

/// <summary>One exporter that failed inside a <see cref="CompositeExporter"/>.</summary>
/// <param name="ExporterName">The failing exporter's <see cref="IExporter.Name"/>.</param>
/// <param name="Error">What it threw.</param>
internal sealed record ExportFailure(string ExporterName, Exception Error)
{
    /// <summary>One line for a log: the exporter and the error's type and message.</summary>
    public override string ToString() => $"{ExporterName}: {Error.GetType().Name}: {Error.Message}";
}
