namespace ActiveInference.Benchmarking.Baselines;

/// <summary>How reading <c>baselines.json</c> went.</summary>
internal enum BaselineLoadStatus
{
    /// <summary>The file was read and is valid.</summary>
    Loaded,
    /// <summary>
    /// The file does not exist. Not an error by itself: the paired gate needs baseline code, not the file (with
    /// neither, every benchmark is Inconclusive).
    /// </summary>
    Missing,
    /// <summary>The file exists but cannot be used (unreadable, empty, not JSON, unknown schema version, missing fields).</summary>
    Invalid,
}
