namespace ActiveInference.Benchmarking.History;

/// <summary>Everything a history folder holds that could be read, and what could not.</summary>
/// <param name="Runs">The main-branch runs, oldest first (date, then file name).</param>
/// <param name="Links">The anchor links (<c>anchors/*.json</c>): runs of a new anchor measured against the old one.</param>
/// <param name="Problems">One line per file that was skipped (damaged, newer schema), naming the file and the fix.</param>
internal sealed record HistoryFolderContents(IReadOnlyList<StoredRun> Runs, IReadOnlyList<StoredRun> Links, IReadOnlyList<string> Problems);

/// <summary>A run read from the history folder, with the file it came from (relative to the folder).</summary>
/// <param name="File">The file's path relative to the history folder, with '/' separators.</param>
/// <param name="Run">Its contents.</param>
internal sealed record StoredRun(string File, AnchoredRun Run);
