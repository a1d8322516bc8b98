using System.Globalization;

namespace ActiveInference.PerfMonitor;

/// <summary>Entry point: the real console, environment and process runner, handed to <see cref="MonitorCommandLine"/>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        return MonitorCommandLine.Invoke(args, CliContext.FromProcess());
    }
}
