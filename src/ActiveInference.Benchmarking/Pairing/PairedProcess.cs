using System.Diagnostics;
using System.Text.Json;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>Starts one paired child process (<c>--perf-pair</c>) with tiered compilation off, and reads back what it measured.</summary>
internal static class PairedProcess
{
    /// <summary>The child's command-line switch.</summary>
    public const string Switch = "--perf-pair";

    /// <summary>Runs the request; the child's result, or an error message (could not start, timed out, crashed).</summary>
    public static (PairedChildResult? Result, string? Error) Measure(PairedRequest request, TimeSpan timeout)
    {
        string folder;
        try { folder = Directory.CreateTempSubdirectory("perf-pair-").FullName; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return (null, $"no temporary folder for the paired process: {e.Message}"); }
        var requestPath = Path.Combine(folder, "request.json");
        var outputPath = Path.Combine(folder, "result.json");
        request = request with { ParentProcessId = Environment.ProcessId };
        try
        {
            AtomicFile.WriteText(requestPath, w => w.Write(JsonSerializer.Serialize(request, PairedJson.Options)));
            var start = new ProcessStartInfo(DotnetHost.Path())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = request.HostDirectory ?? request.CurrentDirectory,
            };
            if (request.RuntimeConfig is { } runtimeConfig)
            {
                start.ArgumentList.Add("exec");
                start.ArgumentList.Add("--runtimeconfig");
                start.ArgumentList.Add(runtimeConfig);
            }
            start.ArgumentList.Add(Path.Combine(request.HostDirectory ?? request.CurrentDirectory, request.EntryAssembly));
            start.ArgumentList.Add(Switch);
            start.ArgumentList.Add(requestPath);
            start.ArgumentList.Add("--output");
            start.ArgumentList.Add(outputPath);
            start.Environment["DOTNET_TieredCompilation"] = "0";
            using var process = Process.Start(start);
            if (process is null) return (null, "could not start the paired child process");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (null, $"the paired child process timed out after {timeout.TotalSeconds:0} s");
            }
            if (process.ExitCode != 0 || !File.Exists(outputPath))
                return (null, $"the paired child process exited with {process.ExitCode}: {Tail(stderr.Result + stdout.Result)}");
            var result = JsonSerializer.Deserialize<PairedChildResult>(File.ReadAllText(outputPath), PairedJson.Options);
            return result is null ? (null, "the paired child process wrote no result") : (result, null);
        }
        catch (Exception e) when (e is IOException or JsonException or System.ComponentModel.Win32Exception or InvalidOperationException or UnauthorizedAccessException)
        {
            return (null, $"the paired child process failed: {e.Message}");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The child side: reads the request, measures, writes the result; 0 when written, 2 on a usage error.</summary>
    public static int RunChild(string requestPath, string outputPath)
    {
        var request = JsonSerializer.Deserialize<PairedRequest>(File.ReadAllText(requestPath), PairedJson.Options);
        if (request is null)
        {
            Console.Error.WriteLine($"{requestPath}: no request");
            return 2;
        }
        if (request.ParentProcessId > 0) WatchParent(request.ParentProcessId);
        var result = PairedChild.Measure(request);
        AtomicFile.WriteText(outputPath, w => w.Write(JsonSerializer.Serialize(result, PairedJson.Options)));
        return 0;
    }

    /// <summary>Ends this process (exit code 3) once the parent is gone, checked every second on a background thread.</summary>
    private static void WatchParent(int parentId)
    {
        Process parent;
        try { parent = Process.GetProcessById(parentId); }
        catch (ArgumentException) { Environment.Exit(3); return; }
        new Thread(() =>
        {
            while (!parent.WaitForExit(1000)) { }
            Environment.Exit(3);
        })
        { IsBackground = true, Name = "parent watch" }.Start();
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 2000 ? trimmed : "…" + trimmed[^2000..];
    }
}
