namespace ActiveInference.Benchmarking.Baselines;

/// <summary>A benchmark result that a record run did not write, and why (untrustworthy, no samples, non-finite numbers).</summary>
/// <param name="FullName">The benchmark's full name.</param>
/// <param name="Reason">Why it was not recorded, e.g. <c>not trustworthy: code not optimised</c>.</param>
internal sealed record SkippedRecording(string FullName, string Reason);
