using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Turns a <see cref="RunReport"/> into one or more files in a results directory; holds no state between runs.</summary>
internal interface IExporter
{
    /// <summary>A short name for messages, e.g. <c>results.json</c> or <c>distribution charts</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Writes this exporter's files for <paramref name="report"/> into <paramref name="directory"/> (created if
    /// missing); returns the full paths written.
    /// </summary>
    IReadOnlyList<string> Export(RunReport report, string directory);
}
