// Compiled into every perf test assembly by build/PerfTests.props (not a file to edit per project).
// The assembly-level action writes the run's reports when the run ends; Main lets the gate re-measure a
// suspect benchmark in a fresh process: `dotnet <perf tests>.dll --perf-measure <full test name> --output <file>`.
[assembly: ActiveInference.Benchmarking.PerfSuite]

namespace ActiveInference.Benchmarking.Generated
{
    internal static class PerfTestsEntry
    {
        public static int Main(string[] args) =>
            ActiveInference.Benchmarking.Execution.ChildProcessEntry.Run(typeof(PerfTestsEntry).Assembly, args);
    }
}
