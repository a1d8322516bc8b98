using NUnit.Framework;

namespace ActiveInference.Core.PerfTests;

/// <summary>Process-wide settings for the whole perf suite, applied once before any benchmark.</summary>
[SetUpFixture]
public class PerfSuiteSetup
{
    /// <summary>
    /// MathNet parallelises large products over the thread pool; on a shared 2-core machine that turns a benchmark
    /// into a measure of scheduling. Single-threaded, each benchmark measures its own work.
    /// </summary>
    [OneTimeSetUp]
    public void SingleThreaded() => MathNet.Numerics.Control.UseSingleThread();
}
