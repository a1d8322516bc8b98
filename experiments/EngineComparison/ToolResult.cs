using System.Globalization;

namespace EngineComparison;

/// <summary>
/// What one tool reported for one kernel in a fresh process (which may also run the other tool, with --same-process): the median in ns per call, the wall time the tool
/// needed for this one benchmark (seconds, measured inside the child around the tool's call), and free-form details.
/// Travels from child to parent as one line "RESULT tool kernel medianNs wallSeconds details".
/// </summary>
internal sealed record ToolResult(string Tool, string Kernel, double MedianNanoseconds, double WallSeconds, string Details)
{
    private const string Prefix = "RESULT ";

    /// <summary>The line the child prints after the tool's measurement (one per tool it runs).</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix}{Tool} {Kernel} {MedianNanoseconds:R} {WallSeconds:R} {Details}");

    /// <summary>The result lines in a child's output, in the order it printed them (one per tool it ran).</summary>
    public static IReadOnlyList<ToolResult> FindAll(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).Select(Parse).OfType<ToolResult>().ToArray();

    private static ToolResult? Parse(string line)
    {
        var parts = line[Prefix.Length..].Split(' ', 5);
        if (parts.Length < 4) return null;
        return new ToolResult(parts[0], parts[1],
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture),
            parts.Length == 5 ? parts[4] : "");
    }
}
