using System.Diagnostics;

namespace ActiveInference.Benchmarking.IO;

/// <summary>Runs <c>git</c> with an argument list (never a shell), with a timeout and without inherited <c>GIT_*</c> variables.</summary>
internal static class Git
{
    /// <summary>The outcome of one git command.</summary>
    /// <param name="ExitCode">Its exit code; -1 when git could not be started or timed out.</param>
    /// <param name="Output">Standard output, trimmed.</param>
    /// <param name="Error">Standard error, trimmed, or why git could not run.</param>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public bool Succeeded => ExitCode == 0;
    }

    /// <summary>The commit's first seven characters, as git shows it in one-line logs (the whole id when shorter).</summary>
    public static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, TimeSpan.FromMinutes(2), arguments);

    public static Result Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Set by an enclosing git process (a hook, an IDE): they would point these commands at another repository or index.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToArray())
            start.Environment.Remove(name);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start);
            if (process is null) return new Result(-1, "", "git could not be started");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return new Result(-1, "", $"git {string.Join(' ', arguments)} timed out after {timeout.TotalSeconds:0} s");
            }
            return new Result(process.ExitCode, output.Result.Trim(), error.Result.Trim());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new Result(-1, "", $"git is not available: {e.Message}");
        }
    }
}
