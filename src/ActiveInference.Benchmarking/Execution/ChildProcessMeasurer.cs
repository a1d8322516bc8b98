using System.Diagnostics;
using System.Text.Json;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>Re-measures one benchmark in a fresh process started from its own test assembly (see <see cref="ChildProcessEntry"/>).</summary>
internal static class ChildProcessMeasurer
{
    /// <summary>Starts <c>dotnet &lt;assembly&gt; --perf-measure &lt;name&gt;</c> and returns its samples, or an error message.</summary>
    public static (Remeasurement? Samples, string? Error) Measure(string assemblyPath, string fullName, TimeSpan timeout)
    {
        var output = Path.Combine(Path.GetTempPath(), $"perf-child-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo(DotnetHost.Path())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(assemblyPath) ?? Environment.CurrentDirectory,
            };
            start.ArgumentList.Add(assemblyPath);
            start.ArgumentList.Add("--perf-measure");
            start.ArgumentList.Add(fullName);
            start.ArgumentList.Add("--output");
            start.ArgumentList.Add(output);
            using var process = Process.Start(start);
            if (process is null) return (null, "could not start the child process");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"child process timed out after {timeout.TotalSeconds:0} s");
            }
            if (process.ExitCode != 0 || !File.Exists(output))
                return (null, $"child process exited with {process.ExitCode}: {stderr.Result.Trim()}");
            var samples = JsonSerializer.Deserialize<Remeasurement>(File.ReadAllText(output));
            return samples is null ? (null, "child process wrote no samples") : (samples, null);
        }
        catch (Exception e) when (e is IOException or JsonException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, $"child process failed: {e.Message}");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
