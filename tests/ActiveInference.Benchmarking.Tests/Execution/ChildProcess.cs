using System.Diagnostics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>
/// Runs git or dotnet for an end-to-end test, as a user would from a shell in <c>workingDirectory</c>: without the
/// MSBuild, VSTest and PERF_ variables the test host inherited from the `dotnet test` running it.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Standard output and error, trimmed; fails the test on a timeout, or on a non-zero exit when <paramref name="expectSuccess"/>.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, bool expectSuccess,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k.StartsWith("PERF_", StringComparison.Ordinal)).ToArray())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} timed out");
        }
        var text = stdout.Result + stderr.Result;
        if (expectSuccess && process.ExitCode != 0) Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {text}");
        return text.Trim();
    }
}
