namespace ActiveInference.Benchmarking;

/// <summary>Custom metrics: named values a benchmark records (e.g. iterations an inference needed), carried into the reports.</summary>
public static class PerfMetrics
{
    [ThreadStatic] private static Dictionary<string, double>? t_active;

    /// <summary>
    /// Records <paramref name="value"/> under <paramref name="name"/> for the running benchmark; the last value wins.
    /// Ignored outside a benchmark and during timed samples.
    /// </summary>
    public static void Record(string name, double value)
    {
        var active = t_active;
        if (active is null) return;
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        active[name] = value;
    }

    /// <summary>Runs <paramref name="action"/> with recording on and returns what it recorded.</summary>
    internal static Dictionary<string, double> Capture(Action action)
    {
        var previous = t_active;
        var recorded = new Dictionary<string, double>(StringComparer.Ordinal);
        t_active = recorded;
        try { action(); }
        finally { t_active = previous; }
        return recorded;
    }
}
