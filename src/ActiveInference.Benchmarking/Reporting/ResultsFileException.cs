namespace ActiveInference.Benchmarking.Reporting;

/// <summary>A results file that cannot be read; the message names the file and, where known, the JSON path and line.</summary>
internal sealed class ResultsFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> (a path or a description of the input).</summary>
    public ResultsFileException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>The file (or other input) that could not be read.</summary>
    public new string Source { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
