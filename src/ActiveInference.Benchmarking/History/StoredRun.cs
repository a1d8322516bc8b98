namespace ActiveInference.Benchmarking.History;

/// <summary>A run read from the history folder, with the file it came from (relative to the folder).</summary>
/// <param name="File">The file's path relative to the history folder, with '/' separators.</param>
/// <param name="Run">Its contents.</param>
internal sealed record StoredRun(string File, AnchoredRun Run);
