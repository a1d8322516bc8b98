using System.Reflection;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The entry point of a perf test assembly started as a child process (see <see cref="IO.ChildLauncher"/>). Public
/// only because the package compiles a <c>Main</c> calling it into every perf project.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ChildProcessEntry
{
    /// <summary>
    /// Serves <c>&lt;kind&gt; &lt;request file&gt; --output &lt;result file&gt;</c>, the kind being <c>--perf-pair</c>
    /// (copies of both sides side by side) or <c>--perf-remeasure</c> (the current build alone); returns 0 when the
    /// result was written, else 2.
    /// </summary>
    public static int Run(Assembly testAssembly, string[] args)
    {
        switch (args)
        {
            case [Pairing.PairedProcess.Switch, var request, "--output", var output]:
                return Pairing.PairedProcess.RunChild(request, output);
            case [Pairing.RemeasureProcess.Switch, var request, "--output", var output]:
                return Pairing.RemeasureProcess.RunChild(request, output);
            default:
                Console.Error.WriteLine($"usage: {testAssembly.GetName().Name} {Pairing.PairedProcess.Switch}|{Pairing.RemeasureProcess.Switch} <request file> --output <result file>");
                return 2;
        }
    }
}
