namespace ActiveInference.Benchmarking.Gate;

/// <summary>What a verdict was measured against, as its message names it, and the commit behind it.</summary>
/// <param name="Description">How messages name the baseline: <c>commit 1b56a1b</c>, <c>the recorded numbers of 2026-11-29</c>.</param>
/// <param name="Commit">The baseline commit's full hash, or null when unknown (a prebuilt folder).</param>
internal sealed record BaselineName(string Description, string? Commit);
