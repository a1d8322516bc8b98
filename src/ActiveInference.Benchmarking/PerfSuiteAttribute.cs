using ActiveInference.Benchmarking.Execution;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace ActiveInference.Benchmarking;

/// <summary>
/// Assembly-level action (added by <c>build/PerfTests.props</c>): when the run ends, writes the run-level results and
/// attaches them to the test run.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PerfSuiteAttribute : NUnitAttribute, ITestAction
{
    /// <inheritdoc />
    public ActionTargets Targets => ActionTargets.Suite;

    /// <inheritdoc />
    public void BeforeTest(ITest test) { }

    /// <inheritdoc />
    public void AfterTest(ITest test)
    {
        if (!test.IsSuite || test.Parent is not null) return;
        foreach (var file in PerfSession.Current.Complete(test.Name))
        {
            try { TestContext.AddTestAttachment(file, "perf report"); }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidOperationException) { }
        }
    }
}
