using ActiveInference.Benchmarking.Configuration;

namespace ActiveInference.PerfMonitor;

/// <summary>
/// What a command may touch outside its arguments: the two output streams, the working directory, the
/// environment and the process runner. The program passes the real ones; tests pass string writers and fakes.
/// </summary>
/// <param name="Out">Standard output: tables, verdicts, progress.</param>
/// <param name="Error">Standard error: one line per problem.</param>
/// <param name="WorkingDirectory">Directory relative paths are resolved against.</param>
/// <param name="Environment">The environment variables (GITHUB_STEP_SUMMARY, ...).</param>
/// <param name="Runner">Starts child processes (dotnet test).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment, IProcessRunner Runner)
{
    /// <summary>The console, current directory and environment of this process, with the real process runner.</summary>
    public static CliContext FromProcess()
    {
        return new CliContext(Console.Out, Console.Error, System.Environment.CurrentDirectory, ProcessEnvironment.Variables(), new SystemProcessRunner());
    }

    /// <summary>The full path of <paramref name="path"/>, relative paths taken from <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>The variable's value, or null when unset or empty.</summary>
    public string? Variable(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
