namespace ActiveInference.Benchmarking.Reporting;

/// <summary>What <see cref="CompositeExporter.ExportAll"/> did: the files written and the exporters that failed.</summary>
/// <param name="Files">Full paths of every file written, in exporter order (attach these to the test run).</param>
/// <param name="Failures">Exporters that threw; the others still ran.</param>
internal sealed record ExportOutcome(IReadOnlyList<string> Files, IReadOnlyList<ExportFailure> Failures)
{
    /// <summary>True when every exporter succeeded.</summary>
    public bool Succeeded => Failures.Count == 0;
}
