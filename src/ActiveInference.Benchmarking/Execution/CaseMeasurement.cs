using System.Reflection;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>Measures one NUnit test case in this process, for the benchmark's command.</summary>
internal static class CaseMeasurement
{
    /// <summary>
    /// The workload of the current case and its per-case set-up (null when none); throws <see
    /// cref="ArgumentException"/> when they cannot be bound.
    /// </summary>
    public static (Workload Workload, Action? CaseSetup) Prepare(TestExecutionContext context, PerfBenchmarkAttribute attribute)
    {
        var test = context.CurrentTest;
        var method = test.Method!.MethodInfo;
        var caseSetup = CaseSetupMethod.Bind(attribute.Setup, method, context.TestObject, test.Arguments);
        var workload = WorkloadFactory.Create(context.TestObject, method, test.Arguments, SampleSetupMethod.Bind(attribute.SampleSetup, method, context.TestObject));
        return (workload, caseSetup);
    }

    /// <summary>Runs the case's set-up, then the engine, and builds the result; exceptions of the benchmark propagate.</summary>
    public static (BenchmarkResult Result, EngineRun Run) Measure(TestExecutionContext context, PerfBenchmarkAttribute attribute, Workload workload,
        Action? caseSetup, IReadOnlyList<ISideWorkload> companions)
    {
        caseSetup?.Invoke();
        var test = context.CurrentTest;
        var method = test.Method!.MethodInfo;
        workload.SampleSetup?.Invoke();
        var metrics = PerfMetrics.Capture(() => RecordResult(workload.Probe()));
        var reference = attribute.Reference == ReferenceKind.Compute ? new QuadraticFormReference() : null;
        var probes = reference is null ? [] : StateProbes.CreateDefault();
        var run = new BenchmarkEngine(attribute.ToEngineSettings(), StopwatchClock.Instance).Run(workload, reference, companions, probes);
        workload.SampleSetup?.Invoke();
        foreach (var (name, value) in PerfMetrics.Capture(() => RecordResult(workload.Probe())))
            metrics[name] = value;
        var result = ResultFactory.Create(test.FullName, test.Name, test.TypeInfo?.FullName ?? test.ClassName ?? "", run,
            metrics, TrustCheck.Inspect(method.DeclaringType!.Assembly), DateTimeOffset.UtcNow);
        return (result, run);
    }

    /// <summary>The perf assembly of the current test case.</summary>
    public static Assembly Assembly(TestExecutionContext context) => context.CurrentTest.Method!.MethodInfo.DeclaringType!.Assembly;

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
}
