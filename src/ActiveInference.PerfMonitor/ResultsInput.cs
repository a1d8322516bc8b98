using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor;

/// <summary>Reads a <c>results.json</c> for a command, turning every read problem into a <see cref="MonitorException"/>.</summary>
internal static class ResultsInput
{
    /// <summary>The run in the file at <paramref name="path"/> (relative to the working directory).</summary>
    public static RunReport Read(CliContext context, string path)
    {
        try
        {
            return ResultsJsonReader.Read(context.FullPath(path));
        }
        catch (ResultsFileException e)
        {
            throw new MonitorException(e.Message, e);
        }
    }

    /// <summary>The markdown report of <paramref name="report"/> as text.</summary>
    public static string Markdown(RunReport report) => new MarkdownReportExporter().ExportToString(report);
}
