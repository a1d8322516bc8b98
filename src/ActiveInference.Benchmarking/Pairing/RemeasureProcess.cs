using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Starts one re-measuring child process (<c>--perf-remeasure</c>, the recorded-numbers fallback): the current build's
/// benchmark alone, measured as <see cref="RemeasureChild"/> does, with the runtime's own settings (tiered compilation
/// on, as the recordings were taken).
/// </summary>
internal static class RemeasureProcess
{
    /// <summary>The child's request kind (its command-line switch).</summary>
    public const string Switch = "--perf-remeasure";

    /// <summary>Re-measures <paramref name="fullName"/> of the perf assembly at <paramref name="assemblyPath"/>: its samples, or why not.</summary>
    public static (Remeasurement? Samples, string? Error) Measure(string assemblyPath, string fullName, TimeSpan timeout, ChildLauncher? launcher = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath)) ?? Environment.CurrentDirectory;
        var command = new ChildCommand(assemblyPath, Switch, directory, "the re-measuring child process");
        var request = new RemeasureRequest(fullName, Path.GetFileName(assemblyPath), directory, Random.Shared.Next()) { ParentProcessId = Environment.ProcessId };
        var (result, error) = (launcher ?? ChildLauncher.Default).Run<RemeasureRequest, RemeasureResult>(command, request, PairedJson.Options, timeout);
        if (result is null) return (null, error);
        return result.Samples is { } samples ? (samples, null) : (null, $"the re-measuring child process could not measure {fullName}: {result.Problem ?? "no samples"}");
    }

    /// <summary>The child side: measures the request in this process and writes the result (see <see cref="ChildLauncher.Serve"/>).</summary>
    public static int RunChild(string requestPath, string outputPath) =>
        ChildLauncher.Serve<RemeasureRequest, RemeasureResult>(requestPath, outputPath, PairedJson.Options, r => r.ParentProcessId, RemeasureChild.Measure);
}
