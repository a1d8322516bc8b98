namespace ActiveInference.Benchmarking.Pairing;

/// <summary>Finds the project file a perf test assembly was built from, so the baseline's version of it can be built.</summary>
internal static class PerfProject
{
    /// <summary>The nearest <c>&lt;assembly name&gt;.csproj</c> above <paramref name="assemblyPath"/>, or null.</summary>
    public static string? Locate(string assemblyPath)
    {
        var name = Path.GetFileNameWithoutExtension(assemblyPath);
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, name + ".csproj");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
