using System.Reflection;
using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The NUnit command behind <see cref="PerfBenchmarkAttribute"/>: validates the settings, makes the first
/// (untimed) call, runs the engine, summarises, asks the session's gate for a verdict and sets the NUnit result
/// from it. It replaces NUnit's single call of the method; <c>[SetUp]</c>/<c>[TearDown]</c> stay outside.
/// </summary>
internal sealed class BenchmarkCommand : DelegatingTestCommand
{
    private readonly PerfBenchmarkAttribute _attribute;

    public BenchmarkCommand(TestCommand innerCommand, PerfBenchmarkAttribute attribute) : base(innerCommand) => _attribute = attribute;

    public override TestResult Execute(TestExecutionContext context)
    {
        var result = context.CurrentResult;
        var test = context.CurrentTest;
        var errors = _attribute.Validate();
        if (errors.Count > 0)
        {
            result.SetResult(ResultState.Failure, $"Invalid [PerfBenchmark] on {test.Name}: {string.Join("; ", errors)}");
            return result;
        }

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
        if (session.Options is { Mode: Configuration.PerfMode.Gate } && session.ChildOutput is null
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
        try
        {
            workload = WorkloadFactory.Create(context.TestObject, method, test.Arguments, SampleSetupMethod.Bind(_attribute.SampleSetup, method, context.TestObject));
            if (session.ChildOutput is null && assertions.ComparedMethods.Count > 0)
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
            workload.SampleSetup?.Invoke();
            var metrics = PerfMetrics.Capture(() => RecordResult(workload.Probe()));
            var reference = _attribute.Reference == ReferenceKind.Compute ? new QuadraticFormReference() : null;
            var probes = reference is null ? [] : StateProbes.CreateDefault();
            run = new Engine.BenchmarkEngine(_attribute.ToEngineSettings(), StopwatchClock.Instance).Run(workload, reference, comparisons.Companions, probes);
            workload.SampleSetup?.Invoke();
            foreach (var (name, value) in PerfMetrics.Capture(() => RecordResult(workload.Probe())))
                metrics[name] = value;
            measured = ResultFactory.Create(test.FullName, test.Name, test.TypeInfo?.FullName ?? test.ClassName ?? "", run,
                metrics, TrustCheck.Inspect(method.DeclaringType!.Assembly), DateTimeOffset.UtcNow);
        }
        catch (Exception e)
        {
            result.RecordException(e);
            return result;
        }

        if (session.ChildOutput is { } childOutput)
        {
            WriteChildSamples(childOutput, measured);
            result.SetResult(ResultState.Success);
            return result;
        }

        var outcome = session.Evaluate(measured, _attribute.Threshold, method.DeclaringType!.Assembly.Location);
        var final = measured with { Gate = outcome };
        session.Collect(final);
        context.OutWriter.WriteLine(OutputFormatter.Describe(final));
        var checks = assertions.Check(final, new AssertionContext(session.Profile.Id, comparisons.Pair(run)));
        if (checks.Count > 0) context.OutWriter.WriteLine(AssertionOutcomes.Describe(checks));
        ApplyOutcome(result, final, session.InconclusiveAsFailure);
        AssertionOutcomes.Apply(result, checks, final.IsTrustworthy);
        return result;
    }

    private static void WriteChildSamples(string path, BenchmarkResult measured)
    {
        var samples = new Remeasurement([.. measured.SamplesNanosecondsPerOperation], measured.AllocatedBytesPerOperation,
            measured.StateSamples.ToDictionary(p => p.Key, p => p.Value.ToArray()));
        Reporting.AtomicFile.WriteText(path, writer => writer.Write(System.Text.Json.JsonSerializer.Serialize(samples)));
    }

    private static void RecordResult(object? value)
    {
        if (value is null) return;
        var number = value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            decimal m => (double)m,
            _ => double.NaN,
        };
        if (!double.IsNaN(number)) PerfMetrics.Record("result", number);
    }

    private static void ApplyOutcome(TestResult result, BenchmarkResult measured, bool inconclusiveAsFailure)
    {
        var outcome = measured.Gate;
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
