namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// Picks the lines of <c>dotnet test</c> output a person wants while the suite runs (each test as it passes,
/// fails or is skipped, build errors, the final tally) and keeps the last lines of everything for when the run
/// fails without results.
/// </summary>
internal sealed class ProgressFilter(TextWriter output, int keep = 60)
{
    private static readonly string[] Prefixes = ["Passed ", "Failed ", "Skipped ", "Failed!", "Passed!", "Total tests", "Error Message:"];

    private readonly Queue<string> _tail = new();

    /// <summary>The last lines seen, oldest first.</summary>
    public IReadOnlyCollection<string> Tail => _tail;

    /// <summary>Number of tests reported failed so far.</summary>
    public int Failed { get; private set; }

    /// <summary>Takes one output line.</summary>
    public void OnLine(string line)
    {
        _tail.Enqueue(line);
        if (_tail.Count > keep)
            _tail.Dequeue();
        var trimmed = line.Trim();
        if (trimmed.StartsWith("Failed ", StringComparison.Ordinal))
            Failed++;
        if (IsProgress(trimmed))
            output.WriteLine("  " + trimmed);
    }

    /// <summary>True for a line worth showing live.</summary>
    internal static bool IsProgress(string trimmed) =>
        Prefixes.Any(p => trimmed.StartsWith(p, StringComparison.Ordinal))
        || trimmed.Contains(": error ", StringComparison.Ordinal);
}
