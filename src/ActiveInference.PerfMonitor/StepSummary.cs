namespace ActiveInference.PerfMonitor;

/// <summary>Appends a markdown report to the GitHub Actions job summary when <c>GITHUB_STEP_SUMMARY</c> names a file.</summary>
internal static class StepSummary
{
    /// <summary>The variable GitHub Actions sets to the job summary file.</summary>
    public const string Variable = "GITHUB_STEP_SUMMARY";

    /// <summary>Appends <paramref name="markdown"/>; a failure to write is a warning on stderr, never fatal.</summary>
    public static void Append(CliContext context, string markdown)
    {
        var path = context.Variable(Variable);
        if (path is null)
            return;
        try
        {
            File.AppendAllText(path, markdown.TrimEnd('\n') + "\n\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"perfmonitor: warning: cannot append to {Variable} ({path}): {e.Message}");
        }
    }
}
