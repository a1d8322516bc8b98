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
