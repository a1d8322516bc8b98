using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Base of the exporters that write one text file, atomically (<see cref="AtomicFile"/>); invariant culture, <c>\n</c>
/// line ends unless the format says otherwise.
/// </summary>
internal abstract class TextExporter : IExporter
{
    /// <summary>The file name written in the results directory, e.g. <c>results.json</c>.</summary>
    public abstract string FileName { get; }

    /// <inheritdoc />
    public string Name => FileName;

    /// <summary>Writes the content for <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public abstract void Write(RunReport report, TextWriter writer);

    /// <summary>The content for <paramref name="report"/> as a string (what the file would hold).</summary>
    public string ExportToString(RunReport report)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Export(RunReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var path = Path.GetFullPath(Path.Combine(directory, FileName));
        AtomicFile.WriteText(path, writer => Write(report, writer));
        return [path];
    }
}
