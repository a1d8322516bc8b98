namespace ActiveInference.Benchmarking.Execution;

/// <summary>Finds the folder relative paths in the settings are resolved against: the repository root.</summary>
public static class RepositoryRoot
{
    /// <summary>
    /// The nearest folder at or above <paramref name="start"/> holding <c>baselines.json</c>, a <c>*.sln</c> or
    /// <c>.git</c>; <paramref name="start"/> itself when there is none.
    /// </summary>
    public static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "baselines.json"))
                || directory.EnumerateFiles("*.sln").Any()
                || Directory.Exists(Path.Combine(directory.FullName, ".git")))
                return directory.FullName;
        }
        return start;
    }
}
