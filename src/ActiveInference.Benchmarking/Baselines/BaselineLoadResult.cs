namespace ActiveInference.Benchmarking.Baselines;

/// <summary>The outcome of <see cref="BaselineStore.Load"/>: the document, missing, or an error naming the file.</summary>
/// <param name="Status">Which of the three it is.</param>
/// <param name="Path">Full path of the file that was read.</param>
/// <param name="Document">The document when <see cref="Status"/> is Loaded; otherwise null.</param>
/// <param name="Error">When Invalid: one line naming the file and the problem, e.g.
/// <c>/repo/baselines.json: schemaVersion 3 is not supported (this framework reads 1 to 2)</c>; otherwise null.</param>
internal sealed record BaselineLoadResult(BaselineLoadStatus Status, string Path, BaselineDocument? Document, string? Error)
{
    /// <summary>
    /// How reading the samples file went: Loaded (or samples were inline), Missing or Invalid (see <see
    /// cref="SamplesError"/>); without it the recordings have summaries only.
    /// </summary>
    public BaselineLoadStatus SamplesStatus { get; init; } = BaselineLoadStatus.Loaded;

    /// <summary>When <see cref="SamplesStatus"/> is Invalid: one line naming the samples file and the problem; otherwise null.</summary>
    public string? SamplesError { get; init; }

    /// <summary>A valid document read from <paramref name="path"/>.</summary>
    public static BaselineLoadResult Loaded(string path, BaselineDocument document) => new(BaselineLoadStatus.Loaded, path, document, null);

    /// <summary>No file at <paramref name="path"/>.</summary>
    public static BaselineLoadResult Missing(string path) => new(BaselineLoadStatus.Missing, path, null, null);

    /// <summary>An unusable file at <paramref name="path"/>; <paramref name="problem"/> says why (the path is prefixed).</summary>
    public static BaselineLoadResult Invalid(string path, string problem) => new(BaselineLoadStatus.Invalid, path, null, $"{path}: {problem}");

    /// <summary>The document to compare against: the loaded one, or an empty one when the file is missing; null when invalid.</summary>
    public BaselineDocument? DocumentOrEmpty => Status switch
    {
        BaselineLoadStatus.Loaded => Document,
        BaselineLoadStatus.Missing => BaselineDocument.Empty,
        _ => null,
    };
}
