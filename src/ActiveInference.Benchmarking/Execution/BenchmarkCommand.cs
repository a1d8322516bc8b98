using ActiveInference.Benchmarking.Engine;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The NUnit command behind <see cref="PerfBenchmarkAttribute"/>: measures the case, gets the verdict, checks the
/// assertions and sets the result.
/// </summary>
internal sealed class BenchmarkCommand : DelegatingTestCommand
{
    private readonly PerfBenchmarkAttribute _attribute;

    public BenchmarkCommand(TestCommand innerCommand, PerfBenchmarkAttribute attribute) : base(innerCommand) => _attribute = attribute;

    /// <summary>The command for a benchmark: wraps NUnit's command for the test method.</summary>
    public static TestCommand For(TestCommand innerCommand, PerfBenchmarkAttribute attribute) => new BenchmarkCommand(innerCommand, attribute);

    /// <summary>
    /// Calls the stages in order and maps the outcome: plan (<see cref="BenchmarkPlan"/>) → measure
    /// (<see cref="CaseMeasurement"/>) → decide (<see cref="BenchmarkDecision"/>) → report (the session collects the
    /// gated result for the run's files).
    /// </summary>
    public override TestResult Execute(TestExecutionContext context)
    {
        var result = context.CurrentResult;
        // NUnit builds commands without arguments of ours: the run's session is reached once, here, and passed on.
        var session = PerfSession.Current;
        var (plan, stop) = BenchmarkPlan.For(context, _attribute, session);
        if (plan is null)
        {
            result.SetResult(stop!.State, stop.Message);
            return result;
        }

        BenchmarkResult measured;
        EngineRun run;
        try
        {
            (measured, run) = CaseMeasurement.Measure(context, _attribute, plan.Workload, plan.CaseSetup, plan.Comparisons.Companions);
        }
        catch (Exception e)
        {
            result.RecordException(e);
            return result;
        }

        var decision = BenchmarkDecision.Make(plan, measured, run, session);
        session.Collect(decision.Gated);
        context.OutWriter.WriteLine(decision.Describe());
        decision.ApplyTo(result, session.InconclusiveAsFailure);
        return result;
    }
}
