namespace ActiveInference.Benchmarking.History;

/// <summary>What <see cref="HistoryPruning"/> would remove from a history folder.</summary>
/// <param name="Remove">The run files to remove, relative to the folder, oldest first.</param>
/// <param name="Kept">How many run files remain.</param>
/// <param name="Protected">How many of them are kept whatever the budget (the oldest run, anchor runs, both sides of every step).</param>
internal sealed record PruningPlan(IReadOnlyList<string> Remove, int Kept, int Protected);
