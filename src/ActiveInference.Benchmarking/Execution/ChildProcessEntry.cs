using System.Reflection;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The entry point of a perf test assembly started as a child process (<c>--perf-pair</c>, <c>--perf-measure</c>). Public
/// only because the package compiles a <c>Main</c> calling it into every perf project.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ChildProcessEntry
{
    /// <summary>Environment variable through which the child's benchmark command learns where to write its samples.</summary>
    internal const string OutputVariable = "ACTIVEINFERENCE_PERF_CHILD_OUTPUT";

    /// <summary>
    /// Runs <c>--perf-pair &lt;request&gt;</c> or <c>--perf-measure &lt;full test name&gt;</c> with <c>--output
    /// &lt;file&gt;</c>; returns 0 when the samples were written, else 2.
    /// </summary>
    public static int Run(Assembly testAssembly, string[] args)
    {
        if (args is [Pairing.PairedProcess.Switch, var request, "--output", var pairedOutput])
            return Pairing.PairedProcess.RunChild(request, pairedOutput);
        string? name = null, output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--perf-measure") name = args[i + 1];
            else if (args[i] == "--output") output = args[i + 1];
        }
        if (name is null || output is null)
        {
            Console.Error.WriteLine("usage: <perf test assembly> --perf-measure <full test name> --output <file>");
            return 2;
        }

        Environment.SetEnvironmentVariable(OutputVariable, output);
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(testAssembly, new Dictionary<string, object> { ["NumberOfTestWorkers"] = 0 });
        var filter = TestFilter.FromXml($"<filter><test>{System.Security.SecurityElement.Escape(name)}</test></filter>");
        var result = runner.Run(TestListener.NULL, filter);
        if (!File.Exists(output))
        {
            Console.Error.WriteLine($"benchmark '{name}' produced no samples: {result.ResultState} {result.Message}");
            return 2;
        }
        return 0;
    }
}
