namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>A commit of the range does not build: bisect skips it (as <c>git bisect skip</c>) and names it.</summary>
internal sealed class UnbuildableCommitException(string commit, string reason) : Exception($"commit {commit} does not build: {reason}")
{
    /// <summary>The commit (full hash).</summary>
    public string Commit { get; } = commit;

    /// <summary>Why, with the build log named.</summary>
    public string Reason { get; } = reason;
}
