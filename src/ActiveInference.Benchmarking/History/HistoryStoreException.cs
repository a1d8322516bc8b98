namespace ActiveInference.Benchmarking.History;

/// <summary>
/// The history database cannot be used: not a SQLite file, written by a newer schema, or a write was refused. The
/// message names the file.
/// </summary>
internal sealed class HistoryStoreException : Exception
{
    /// <summary>Creates the exception for the database at <paramref name="path"/>.</summary>
    public HistoryStoreException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }
}
