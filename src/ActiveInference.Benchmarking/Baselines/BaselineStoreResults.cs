namespace ActiveInference.Benchmarking.Baselines;

/// <summary>The outcome of <see cref="BaselineStore.Record"/>: what was written and skipped, or an error (nothing written).</summary>
/// <param name="Path">Full path of the baselines file.</param>
/// <param name="Recorded">Full names of the benchmarks that got a new recording, in the order given.</param>
/// <param name="Skipped">Results that were not recorded, with the reason.</param>
/// <param name="Error">One line naming the file and the problem when nothing could be written; otherwise null.</param>
internal sealed record BaselineRecordResult(string Path, IReadOnlyList<string> Recorded, IReadOnlyList<SkippedRecording> Skipped, string? Error)
{
    /// <summary>True when the file was written (or there was nothing to write) without error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A failed record: nothing written.</summary>
    public static BaselineRecordResult Failed(string path, string problem, IReadOnlyList<SkippedRecording>? skipped = null) =>
        new(path, [], skipped ?? [], $"{path}: {problem}");
}

/// <summary>The outcome of <see cref="BaselineStore.Rewrite"/>: the document before and after, or an error (file unchanged).</summary>
/// <param name="Path">Full path of the baselines file.</param>
/// <param name="Before">The document read under the lock; null when it could not be read.</param>
/// <param name="After">The document written (equal content to <see cref="Before"/> when the change changed nothing); null on error.</param>
/// <param name="Error">One line naming the file and the problem; null when the rewrite succeeded.</param>
internal sealed record BaselineRewriteResult(string Path, BaselineDocument? Before, BaselineDocument? After, string? Error)
{
    /// <summary>True when the file now holds <see cref="After"/>.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>A benchmark result that a record run did not write, and why (untrustworthy, no samples, non-finite numbers).</summary>
/// <param name="FullName">The benchmark's full name.</param>
/// <param name="Reason">Why it was not recorded, e.g. <c>not trustworthy: code not optimised</c>.</param>
internal sealed record SkippedRecording(string FullName, string Reason);
