namespace ActiveInference.PerfMonitor.Dashboard;

/// <summary>
/// The chart library the pages use, embedded in this tool when it is built (uPlot 1.6, pinned by package-lock.json, from
/// <c>npm ci</c>), so the site needs no network and a user of the tool no Node.
/// </summary>
internal static class DashboardAssets
{
    /// <summary>File name of the script in the site.</summary>
    public const string Script = "uPlot.iife.min.js";

    /// <summary>File name of the style sheet in the site.</summary>
    public const string StyleSheet = "uPlot.min.css";

    /// <summary>The embedded file <paramref name="name"/> (<see cref="Script"/> or <see cref="StyleSheet"/>).</summary>
    /// <exception cref="MonitorException">The tool was built without it (npm ci did not run).</exception>
    public static byte[] Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("Dashboard." + name)
            ?? throw new MonitorException($"this perfmonitor was built without {name}: build it with npm on the PATH (the build runs 'npm ci' in src/ActiveInference.PerfMonitor)");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
