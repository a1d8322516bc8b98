namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// Finds the benchmark a person meant among known full names: the exact full name, else the one full name ending with
/// what was typed.
/// </summary>
internal static class BenchmarkName
{
    /// <summary>The full name <paramref name="typed"/> stands for.</summary>
    /// <exception cref="MonitorException">No benchmark or several match.</exception>
    public static string Resolve(string typed, IReadOnlyCollection<string> known, string where)
    {
        if (known.Contains(typed, StringComparer.Ordinal))
            return typed;
        var matches = known.Where(n => n.EndsWith("." + typed, StringComparison.Ordinal) || n.EndsWith(typed, StringComparison.Ordinal)).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new MonitorException($"unknown benchmark '{typed}' in {where} ({known.Count} known; run without a name to list them)"),
            _ => throw new MonitorException($"'{typed}' is ambiguous in {where}: {string.Join(", ", matches.Take(5))}{(matches.Length > 5 ? ", ..." : "")}; give the full name"),
        };
    }
}
