using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>Starts one paired child process (<c>--perf-pair</c>) with tiered compilation off, and reads back what it measured.</summary>
internal static class PairedProcess
{
    /// <summary>The child's request kind (its command-line switch); baseline builds started as hosts know it too.</summary>
    public const string Switch = "--perf-pair";

    /// <summary>Runs the request; the child's result, or an error message (could not start, timed out, crashed).</summary>
    public static (PairedChildResult? Result, string? Error) Measure(PairedRequest request, TimeSpan timeout, ChildLauncher? launcher = null)
    {
        var host = request.HostDirectory ?? request.CurrentDirectory;
        var command = new ChildCommand(Path.Combine(host, request.EntryAssembly), Switch, host, "the paired child process")
        {
            RuntimeConfig = request.RuntimeConfig,
            Environment = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" },
        };
        return (launcher ?? ChildLauncher.Default).Run<PairedRequest, PairedChildResult>(command, request with { ParentProcessId = Environment.ProcessId },
            PairedJson.Options, timeout);
    }

    /// <summary>The child side: measures the request in this process and writes the result (see <see cref="ChildLauncher.Serve"/>).</summary>
    public static int RunChild(string requestPath, string outputPath) =>
        ChildLauncher.Serve<PairedRequest, PairedChildResult>(requestPath, outputPath, PairedJson.Options, r => r.ParentProcessId, PairedChild.Measure);
}
