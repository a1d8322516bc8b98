using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Decides which code the paired gate measures as the baseline (the <c>baselineRef</c> setting, else the commit that
/// recorded <c>baselines.json</c>) and makes it loadable; when it cannot be had, the result says why.
/// </summary>
internal static class BaselineCodeResolver
{
    /// <summary>
    /// Where a perf test project's baselines are built: <c>obj/perf-baseline</c> in the project's folder (ignored like
    /// every <c>obj</c>).
    /// </summary>
    public static string CacheFolder(string projectFile) => Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "perf-baseline");

    /// <param name="baselineRef">The setting (an existing folder already made a full path by the options loader), or null.</param>
    /// <param name="document">The baselines file, or null when there is none.</param>
    /// <param name="profileId">This machine's profile id.</param>
    /// <param name="assemblyPath">The current perf test assembly.</param>
    /// <param name="progress">Where progress lines go (a build takes a while).</param>
    public static BaselineCode Resolve(string? baselineRef, BaselineDocument? document, string profileId, string assemblyPath, Action<string> progress)
    {
        var entry = Path.GetFileName(assemblyPath);
        if (baselineRef is not null)
        {
            if (Path.IsPathFullyQualified(baselineRef) && Directory.Exists(baselineRef))
                return File.Exists(Path.Combine(baselineRef, entry))
                    ? BaselineCode.At(baselineRef, null, $"the build in {baselineRef}")
                    : BaselineCode.Invalid($"baselineRef '{baselineRef}' is a folder without {entry}: it must hold a build of the perf test project");
        }

        var root = Git.Run(Path.GetDirectoryName(assemblyPath)!, "rev-parse", "--show-toplevel");
        string commit;
        if (baselineRef is not null)
        {
            if (!root.Succeeded)
                return BaselineCode.Invalid($"baselineRef '{baselineRef}' is not a folder, and {Path.GetDirectoryName(assemblyPath)} is not in a git repository ({root.Error})");
            var resolved = Git.Run(root.Output, "rev-parse", "--verify", "--quiet", "--end-of-options", baselineRef + "^{commit}");
            if (!resolved.Succeeded)
                return BaselineCode.Invalid($"baselineRef '{baselineRef}' names no commit in {root.Output} and no folder");
            commit = resolved.Output;
        }
        else
        {
            var recorded = RecordedCommit(document, profileId);
            if (recorded is null)
                return BaselineCode.None(document is null ? "there is no baselines file to name a baseline commit" : "no recording in the baselines file names its commit");
            if (!root.Succeeded)
                return BaselineCode.None($"the baseline is commit {Git.Short(recorded)}, but git finds no repository at {Path.GetDirectoryName(assemblyPath)} ({root.Error})", commit: recorded);
            var found = Git.Run(root.Output, "rev-parse", "--verify", "--quiet", "--end-of-options", recorded + "^{commit}");
            if (!found.Succeeded)
                return BaselineCode.None($"the commit that recorded the baselines, {Git.Short(recorded)}, is not in this repository (a shallow clone? fetch the history, e.g. fetch-depth: 0){(found.Error.Length > 0 ? $"; git: {found.Error}" : "")}", commit: recorded);
            commit = found.Output;
        }

        var project = PerfProject.Locate(assemblyPath);
        if (project is null)
            return BaselineCode.Unbuildable($"cannot find the project file of {entry} to build the baseline's version of it", commit);
        var relative = Path.GetRelativePath(root.Output, project);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return BaselineCode.Unbuildable($"{project} is outside the repository {root.Output}, so the baseline's version of it cannot be built", commit);
        return new BaselineBuilder(CacheFolder(project), progress).Build(root.Output, commit, relative, entry);
    }

    /// <summary>
    /// The commit of the latest recording on <paramref name="profileId"/>, else of the latest recording of any profile;
    /// null when none names one.
    /// </summary>
    internal static string? RecordedCommit(BaselineDocument? document, string profileId)
    {
        if (document is null) return null;
        static string? Latest(IEnumerable<ProfileBaselines> profiles) => profiles
            .SelectMany(p => p.Benchmarks.Values.SelectMany(r => r))
            .Where(r => !string.IsNullOrWhiteSpace(r.Commit))
            .MaxBy(r => r.RecordedAt)?.Commit;
        return (document.Profiles.TryGetValue(profileId, out var here) ? Latest([here]) : null) ?? Latest(document.Profiles.Values);
    }
}
