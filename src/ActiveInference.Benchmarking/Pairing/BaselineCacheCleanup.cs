using System.Text.RegularExpressions;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Removes what a killed baseline build leaves in the cache <c>obj/perf-baseline/&lt;commit&gt;</c>: its
/// <c>bin-&lt;guid&gt;</c> output folders and its <c>src</c> worktree. A finished build (<c>bin</c>, <c>ready</c>) is kept.
/// </summary>
internal static partial class BaselineCacheCleanup
{
    /// <summary>The worktree a build checks the commit out into, removed when the build ends.</summary>
    public const string SourceFolder = "src";

    /// <summary>Prefix of the folder a build writes into before it is moved to <c>bin</c>.</summary>
    public const string PartialOutputPrefix = "bin-";

    /// <summary>
    /// Removes the partial builds in <paramref name="commitFolder"/>, whose lock the caller holds (so no build is
    /// writing them); returns the folders removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(string repositoryRoot, string commitFolder)
    {
        var removed = new List<string>();
        if (!Directory.Exists(commitFolder)) return removed;
        foreach (var partial in Directory.EnumerateDirectories(commitFolder, PartialOutputPrefix + "*"))
        {
            if (TryDelete(partial)) removed.Add(partial);
        }
        var source = Path.Combine(commitFolder, SourceFolder);
        if (Directory.Exists(source))
        {
            RemoveWorktree(repositoryRoot, source);
            if (!Directory.Exists(source)) removed.Add(source);
        }
        return removed;
    }

    /// <summary>
    /// Removes the partial builds of the other commits' folders in <paramref name="cacheRoot"/> whose lock is free now
    /// (a folder being built is skipped, never waited for); returns the folders removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStaleInOthers(string repositoryRoot, string cacheRoot, string commitFolder)
    {
        var removed = new List<string>();
        if (!Directory.Exists(cacheRoot)) return removed;
        var own = Path.GetFullPath(commitFolder);
        foreach (var folder in Directory.EnumerateDirectories(cacheRoot))
        {
            if (string.Equals(Path.GetFullPath(folder), own, StringComparison.Ordinal) || !CommitName().IsMatch(Path.GetFileName(folder)))
                continue;
            var (held, _) = FileLock.Acquire(folder, TimeSpan.Zero);
            if (held is null) continue;
            using (held)
                removed.AddRange(RemoveStale(repositoryRoot, folder));
        }
        return removed;
    }

    /// <summary>Removes a build's worktree, if any; failures are left for the next build to retry (the checkout uses --force).</summary>
    public static void RemoveWorktree(string repositoryRoot, string source)
    {
        if (!Directory.Exists(source)) return;
        Git.Run(repositoryRoot, "worktree", "remove", "--force", source);
        TryDelete(source);
    }

    /// <summary>Deletes <paramref name="folder"/>; true when it is gone.</summary>
    public static bool TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A cache folder's name: a full commit hash (SHA-1 or SHA-256).</summary>
    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitName();
}
