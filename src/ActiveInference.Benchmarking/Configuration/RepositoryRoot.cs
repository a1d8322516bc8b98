namespace ActiveInference.Benchmarking.Configuration;

/// <summary>Finds the repository root that relative perf paths are resolved against.</summary>
internal static class RepositoryRoot
{
    /// <summary>
    /// The nearest directory at or above <paramref name="startDirectory"/> holding <c>baselines.json</c>, a solution file
    /// or <c>.git</c>; failing that, the nearest holding a project file; null when there is none.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        return Nearest(startDirectory, directory =>
                File.Exists(Path.Combine(directory.FullName, "baselines.json"))
                || directory.EnumerateFiles("*.sln").Any()
                || directory.EnumerateFiles("*.slnx").Any()
                || Directory.Exists(Path.Combine(directory.FullName, ".git"))
                || File.Exists(Path.Combine(directory.FullName, ".git")))
            ?? Nearest(startDirectory, directory => directory.EnumerateFiles("*.??proj").Any(f => f.Extension is ".csproj" or ".fsproj" or ".vbproj"));
    }

    private static string? Nearest(string startDirectory, Func<DirectoryInfo, bool> isRoot)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            if (directory.Exists && isRoot(directory))
                return directory.FullName;
        }
        return null;
    }
}
