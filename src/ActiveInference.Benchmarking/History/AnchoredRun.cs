namespace ActiveInference.Benchmarking.History;

/// <summary>
/// One main-branch gate run as the history keeps it (one small JSON file): the commit measured, its anchor, and each
/// benchmark's paired ratio to that anchor. An anchor link (<c>anchors/&lt;new&gt;-&lt;old&gt;.json</c>) is a run of the
/// same shape whose commit is the new anchor and whose anchor is the old one.
/// </summary>
/// <param name="Commit">The commit the run measured (full hash).</param>
/// <param name="ParentCommit">Its first parent, or null when unknown (a root commit, or no git).</param>
/// <param name="Date">When the run ended (UTC).</param>
/// <param name="Branch">The branch it ran on, or null.</param>
/// <param name="AnchorCommit">The commit every ratio is relative to: the gate's baseline commit.</param>
/// <param name="MachineProfileId">The machine profile the run measured on.</param>
/// <param name="Threshold">The gate's relative threshold in that run (0.10 = 10%).</param>
/// <param name="Benchmarks">The benchmarks, in ordinal order of full name.</param>
internal sealed record AnchoredRun(
    string Commit,
    string? ParentCommit,
    DateTimeOffset Date,
    string? Branch,
    string AnchorCommit,
    string MachineProfileId,
    double Threshold,
    IReadOnlyList<AnchoredEntry> Benchmarks)
{
    /// <summary>The schema version this code writes; files of a newer one are refused, never guessed at.</summary>
    public const int CurrentSchemaVersion = 1;
}
