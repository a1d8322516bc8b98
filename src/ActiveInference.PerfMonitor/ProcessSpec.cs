namespace ActiveInference.PerfMonitor;

/// <summary>A child process to start: program, arguments (each passed as is, no shell), directory and environment changes.</summary>
/// <param name="FileName">The program, e.g. <c>dotnet</c>.</param>
/// <param name="Arguments">The arguments, one element each.</param>
/// <param name="WorkingDirectory">The directory it starts in.</param>
/// <param name="Environment">Variables to set (a null value removes the variable) on top of this process's environment.</param>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>The command as a person would type it in a POSIX shell (for logs), with the variables it sets in front.</summary>
    public string CommandLine => string.Join(' ',
        Environment.Where(e => e.Value is not null).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + Quote(e.Value!))
            .Concat(new[] { FileName }.Concat(Arguments).Select(Quote)));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:~,+@".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
