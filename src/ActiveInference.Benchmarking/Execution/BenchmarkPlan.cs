using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// Stage 1 of a benchmark case: what it will measure and how it will be judged, built from the NUnit context and the
/// run's session before anything is measured (or why the case ends here: see <see cref="BenchmarkStop"/>).
/// </summary>
/// <param name="Workload">The case's calls, bound to its arguments and set-ups.</param>
/// <param name="CaseSetup">The case's set-up, run before measuring (and again in paired copies), or null.</param>
/// <param name="Comparisons">The companion workloads of relative-speed assertions.</param>
/// <param name="Assertions">The case's assertion attributes, already validated.</param>
/// <param name="Member">The benchmark's method and set-ups by name, as the baseline's build has them.</param>
/// <param name="AssemblyPath">The perf test assembly, whose baseline build the gate pairs with.</param>
/// <param name="ThresholdOverride">The attribute's threshold (NaN: the run's).</param>
internal sealed record BenchmarkPlan(
    Workload Workload,
    Action? CaseSetup,
    ComparisonPlan Comparisons,
    BenchmarkAssertions Assertions,
    BenchmarkMember Member,
    string AssemblyPath,
    double ThresholdOverride)
{
    /// <summary>The plan of the current case, or why it ends before measuring.</summary>
    public static (BenchmarkPlan? Plan, BenchmarkStop? Stop) For(TestExecutionContext context, PerfBenchmarkAttribute attribute, PerfSession session)
    {
        var test = context.CurrentTest;
        if (session.Problem is not null)
            return (null, new BenchmarkStop(ResultState.Failure, session.Problem));
        if (session.Options?.Shard is { } shard && !shard.Contains(test.FullName))
            return (null, new BenchmarkStop(ResultState.Skipped, $"not in shard {shard} (another CI job measures it)"));

        var method = test.Method!.MethodInfo;
        var assemblyPath = method.DeclaringType!.Assembly.Location;
        if (session.Options is { Mode: PerfMode.Gate } && session.BaselineCodeFor(assemblyPath) is { IsConfigurationError: true } code)
            return (null, new BenchmarkStop(ResultState.Failure, code.Reason!));
        var assertions = BenchmarkAssertions.Of(method);
        if (assertions.Validate() is { Count: > 0 } invalid)
            return (null, new BenchmarkStop(ResultState.Failure, $"Invalid assertion on {test.Name}: {string.Join("; ", invalid)} (machine profile of this run: {session.Profile.Id})"));
        try
        {
            var (workload, caseSetup) = CaseMeasurement.Prepare(context, attribute);
            var comparisons = assertions.ComparedMethods.Count > 0
                ? ComparisonPlan.Create(context.TestObject, method, test.Arguments, assertions.ComparedMethods, name => DeclaredCases.Of(test, name))
                : ComparisonPlan.None;
            var member = new BenchmarkMember(test.TypeInfo?.Type.FullName ?? method.DeclaringType.FullName!, method.Name, attribute.Setup, attribute.SampleSetup);
            return (new BenchmarkPlan(workload, caseSetup, comparisons, assertions, member, assemblyPath, attribute.Threshold), null);
        }
        catch (ArgumentException e)
        {
            return (null, new BenchmarkStop(ResultState.Failure, e.Message));
        }
    }
}

/// <summary>Why a benchmark case ends before it is measured: the NUnit result state and its message.</summary>
/// <param name="State">Failure (a problem of the run or the case) or Skipped (another shard measures it).</param>
/// <param name="Message">What happened and, for a problem, what to do.</param>
internal sealed record BenchmarkStop(ResultState State, string Message);
