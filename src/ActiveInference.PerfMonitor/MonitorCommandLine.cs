using System.CommandLine;
using ActiveInference.Benchmarking.History;
using ActiveInference.PerfMonitor.Commands;

namespace ActiveInference.PerfMonitor;

/// <summary>
/// The command tree (run, compare, report, history, baseline, merge) and the one place that maps problems to exit
/// codes: parse errors and <see cref="MonitorException"/>s give one line on stderr and exit 2.
/// </summary>
internal static class MonitorCommandLine
{
    /// <summary>Prefix of every line this tool writes to stderr.</summary>
    public const string Name = "perfmonitor";

    /// <summary>The root command with every subcommand wired to <paramref name="context"/>.</summary>
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("Runs the ActiveInference perf suite and works with its results, baselines and history. Exit codes: 0 clean, 1 regression, 2 usage or infrastructure error.")
        {
            RunCommand.Create(context),
            CompareCommand.Create(context),
            ReportCommand.Create(context),
            HistoryCommand.Create(context),
            BaselineCommand.Create(context),
            MergeCommand.Create(context),
            AnchorCommand.Create(context),
            DashboardCommand.Create(context),
            BisectCommand.Create(context),
        };
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code.</summary>
    public static int Invoke(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Create(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                context.Error.WriteLine($"{Name}: {error.Message}");
            context.Error.WriteLine($"{Name}: see '{Name} --help'");
            return ExitCodes.Error;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a command's work, turning expected failures into one stderr line and <see cref="ExitCodes.Error"/>.</summary>
    public static int Guard(CliContext context, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is MonitorException or HistoryStoreException or HistoryFileException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{Name}: error: {e.Message}");
            return ExitCodes.Error;
        }
    }
}
