namespace ActiveInference.Benchmarking.Configuration;

/// <summary>Finds the repository root that relative perf paths are resolved against.</summary>
public static class RepositoryRoot
{
    /// <summary>
    /// The nearest directory at or above <paramref name="startDirectory"/> (typically the test assembly's folder)
    /// that contains <c>baselines.json</c> or a solution file (<c>*.sln</c>, <c>*.slnx</c>); null when there is none.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            if (!directory.Exists)
                continue;
            if (File.Exists(Path.Combine(directory.FullName, "baselines.json"))
                || directory.EnumerateFiles("*.sln").Any()
                || directory.EnumerateFiles("*.slnx").Any())
                return directory.FullName;
        }
        return null;
    }
}
