namespace ActiveInference.Benchmarking.Reporting;

/// <summary>What <see cref="CompositeExporter.ExportAll"/> did: the files written and the exporters that failed.</summary>
/// <param name="Files">Full paths of every file written, in exporter order (attach these to the test run).</param>
/// <param name="Failures">Exporters that threw; the others still ran.</param>
internal sealed record ExportOutcome(IReadOnlyList<string> Files, IReadOnlyList<ExportFailure> Failures)
{
    /// <summary>True when every exporter succeeded.</summary>
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>One exporter that failed inside a <see cref="CompositeExporter"/>.</summary>
/// <param name="ExporterName">The failing exporter's <see cref="IExporter.Name"/>.</param>
/// <param name="Error">What it threw.</param>
internal sealed record ExportFailure(string ExporterName, Exception Error)
{
    /// <summary>One line for a log: the exporter and the error's type and message.</summary>
    public override string ToString() => $"{ExporterName}: {Error.GetType().Name}: {Error.Message}";
}
