// Compiled into every perf test assembly by build/PerfTests.props (ActiveInference.Benchmarking.props in the package; not a file to edit per project).
// The assembly-level action writes the run's reports when the run ends; Main is where the gate's child processes
// start (`<kind> <request file> --output <result file>`): `--perf-pair` measures copies of the baseline's and this
// build's version of one benchmark side by side, `--perf-remeasure` re-measures this build's alone for the
// recorded-numbers fallback.
[assembly: ActiveInference.Benchmarking.PerfSuite]

namespace ActiveInference.Benchmarking.Generated
{
    internal static class PerfTestsEntry
    {
        // Naming an NUnit type keeps the assembly's reference to nunit.framework, without which the test adapter takes
        // a project of bare [PerfBenchmark] methods for a non-test assembly and discovers nothing (nunit/nunit#2163).
        internal static readonly System.Type NUnitFramework = typeof(NUnit.Framework.TestAttribute);

        public static int Main(string[] args) =>
            ActiveInference.Benchmarking.Execution.ChildProcessEntry.Run(typeof(PerfTestsEntry).Assembly, args);
    }
}
