namespace ActiveInference.Benchmarking.IO;

/// <summary>
/// What CI or git says about the code a run measures: the commit, the branch, and whether the working tree differs from
/// the commit.
/// </summary>
/// <param name="directory">Where git runs: the folder of the baselines file (or the current directory without options).</param>
/// <param name="commitSetting">The <c>commit</c> setting, which wins over everything else; null when unset.</param>
internal sealed class RepositoryInfo(string directory, string? commitSetting)
{
    /// <summary>The commit the run measured: the setting, else GITHUB_SHA, else git, else null.</summary>
    public string? Commit => commitSetting ?? Environment.GetEnvironmentVariable("GITHUB_SHA") ?? GitOutput("rev-parse", "HEAD");

    /// <summary>The branch, from GITHUB_REF_NAME or git, or null.</summary>
    public string? Branch => Environment.GetEnvironmentVariable("GITHUB_REF_NAME") ?? GitOutput("rev-parse", "--abbrev-ref", "HEAD");

    /// <summary>
    /// A note for the record message when the working tree differs from the commit (besides <paramref name="baselinePath"/>),
    /// since the paired gate later builds that commit; else empty.
    /// </summary>
    public string DirtyTreeNote(string baselinePath)
    {
        var status = Git.Run(directory, "status", "--porcelain", "--untracked-files=no", "--no-renames");
        if (!status.Succeeded || Commit is not { } commit) return "";
        var baselines = Path.GetRelativePath(GitOutput("rev-parse", "--show-toplevel") ?? directory, Path.GetFullPath(baselinePath)).Replace('\\', '/');
        var changed = status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Length < 4 || line[3..].Trim('"') != baselines).ToArray();
        return changed.Length == 0
            ? ""
            : $"; note: the recordings name commit {Git.Short(commit)}, but the working tree has uncommitted changes ({changed.Length} file(s)), so the gate will build that commit, not what was measured: commit the change, then record";
    }

    private string? GitOutput(params string[] arguments)
    {
        var result = Git.Run(directory, TimeSpan.FromSeconds(10), arguments);
        return result.Succeeded && result.Output.Length > 0 ? result.Output : null;
    }
}
