namespace ActiveInference.Benchmarking.Baselines;

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
