namespace ActiveInference.Benchmarking.History;

/// <summary>A history file (a run or an anchor link) cannot be read: damaged, of a newer schema, or missing a field. The message names the file.</summary>
internal sealed class HistoryFileException : Exception
{
    /// <summary>Creates the exception for the file at <paramref name="path"/>.</summary>
    public HistoryFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }
}
