using System.Reflection;
using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
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

    public override TestResult Execute(TestExecutionContext context)
    {
        var result = context.CurrentResult;
        var test = context.CurrentTest;
        var session = PerfSession.Current;
        if (session.Problem is not null)
        {
            result.SetResult(ResultState.Failure, session.Problem);
            return result;
        }

        if (session.Options?.Shard is { } shard && !shard.Contains(test.FullName))
        {
            result.SetResult(ResultState.Skipped, $"not in shard {shard} (another CI job measures it)");
            return result;
        }

        var method = test.Method!.MethodInfo;
        if (session.Options is { Mode: Configuration.PerfMode.Gate }
            && session.BaselineCodeFor(method.DeclaringType!.Assembly.Location) is { IsConfigurationError: true } code)
        {
            result.SetResult(ResultState.Failure, code.Reason!);
            return result;
        }
        // Assertion attributes (issue 7): validated before measuring; relative-speed ones add companion workloads.
        var assertions = BenchmarkAssertions.Of(method);
        if (assertions.Validate() is { Count: > 0 } invalid)
        {
            result.SetResult(ResultState.Failure, $"Invalid assertion on {test.Name}: {string.Join("; ", invalid)} (machine profile of this run: {session.Profile.Id})");
            return result;
        }
        var comparisons = ComparisonPlan.None;
        Workload workload;
        Action? caseSetup;
        try
        {
            (workload, caseSetup) = CaseMeasurement.Prepare(context, _attribute);
            if (assertions.ComparedMethods.Count > 0)
                comparisons = ComparisonPlan.Create(context.TestObject, method, test.Arguments, assertions.ComparedMethods, name => DeclaredCases.Of(test, name));
        }
        catch (ArgumentException e)
        {
            result.SetResult(ResultState.Failure, e.Message);
            return result;
        }

        BenchmarkResult measured;
        EngineRun run;
        try
        {
            (measured, run) = CaseMeasurement.Measure(context, _attribute, workload, caseSetup, comparisons.Companions);
        }
        catch (Exception e)
        {
            result.RecordException(e);
            return result;
        }

        var member = new Pairing.BenchmarkMember(test.TypeInfo?.Type.FullName ?? method.DeclaringType!.FullName!, method.Name, _attribute.Setup, _attribute.SampleSetup);
        var outcome = session.Evaluate(measured, _attribute.Threshold, method.DeclaringType!.Assembly.Location, member);
        var gated = new GatedResult(measured, outcome);
        session.Collect(gated);
        context.OutWriter.WriteLine(OutputFormatter.Describe(gated));
        var checks = assertions.Check(measured, new AssertionContext(session.Profile.Id, comparisons.Pair(run)));
        if (checks.Count > 0) context.OutWriter.WriteLine(AssertionOutcomes.Describe(checks));
        ApplyOutcome(result, gated, session.InconclusiveAsFailure);
        AssertionOutcomes.Apply(result, checks, measured.IsTrustworthy);
        return result;
    }

    private static void ApplyOutcome(TestResult result, GatedResult gated, bool inconclusiveAsFailure)
    {
        var (measured, outcome) = gated;
        var message = outcome?.Message ?? string.Empty;
        if (!measured.IsTrustworthy)
        {
            result.SetResult(ResultState.Inconclusive, $"Not trustworthy, not gated: {string.Join("; ", measured.TrustIssues)}");
            return;
        }
        switch (outcome?.Verdict)
        {
            case Verdict.Regressed:
                result.SetResult(ResultState.Failure, message);
                break;
            case Verdict.Inconclusive when inconclusiveAsFailure:
                result.SetResult(ResultState.Failure, message);
                break;
            case Verdict.Inconclusive:
                result.SetResult(ResultState.Inconclusive, message);
                break;
            default:
                result.SetResult(ResultState.Success, message);
                break;
        }
    }
}
