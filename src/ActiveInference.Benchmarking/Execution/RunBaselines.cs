using ActiveInference.Benchmarking.Baselines;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>The run's baselines file: read once on first use, recorded into, and asked for the charts' baseline samples.</summary>
/// <param name="path">The baselines file.</param>
internal sealed class RunBaselines(string path)
{
    private readonly BaselineStore _store = new();
    private readonly Lazy<BaselineLoadResult> _loaded = new(() => new BaselineStore().Load(path));

    /// <summary>The baselines file's path, as configured.</summary>
    public string Path => path;

    /// <summary>The file as read at the first use in this run.</summary>
    public BaselineLoadResult Loaded => _loaded.Value;

    /// <summary>Why no benchmark can run because of the file (it is corrupt), or null.</summary>
    public string? Problem() =>
        Loaded.Status == BaselineLoadStatus.Invalid
            ? $"{Loaded.Error}. The file was left untouched; fix or restore it (git checkout -- baselines.json)."
            : null;

    /// <summary>Records <paramref name="result"/> now (read, add, write under the file's lock).</summary>
    public BaselineRecordResult Record(MachineProfile profile, BenchmarkResult result, string? commit, int keep) =>
        _store.Record(path, profile, [result], commit, keep);

    /// <summary>The recordings the file keeps now for <paramref name="fullName"/> on <paramref name="profileId"/> (read afresh).</summary>
    public int RecordingsKept(string profileId, string fullName) =>
        _store.Load(path).Document?.Find(profileId, fullName)?.Recordings.Count ?? 0;

    /// <summary>
    /// The latest baseline samples (ns/op) on <paramref name="profileId"/> per benchmark of <paramref name="results"/>,
    /// for the distribution charts.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> LatestSamples(IEnumerable<BenchmarkResult> results, string profileId)
    {
        var samples = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        if (Loaded.Document is not { } document) return samples;
        foreach (var result in results)
            if (document.Find(profileId, result.FullName) is { } baseline)
                samples[result.FullName] = baseline.Latest.Samples;
        return samples;
    }
}
