using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The NUnit command in a <c>--perf-measure</c> child: measures the case and writes its <see cref="Remeasurement"/>; no
/// gate, assertions or reports.
/// </summary>
internal sealed class RemeasureCommand(TestCommand innerCommand, PerfBenchmarkAttribute attribute, string output) : DelegatingTestCommand(innerCommand)
{
    public override TestResult Execute(TestExecutionContext context)
    {
        var result = context.CurrentResult;
        if (PerfSession.Current.Problem is { } problem)
        {
            result.SetResult(ResultState.Failure, problem);
            return result;
        }
        Engine.Workload workload;
        Action? caseSetup;
        try
        {
            (workload, caseSetup) = CaseMeasurement.Prepare(context, attribute);
        }
        catch (ArgumentException e)
        {
            result.SetResult(ResultState.Failure, e.Message);
            return result;
        }
        BenchmarkResult measured;
        try
        {
            (measured, _) = CaseMeasurement.Measure(context, attribute, workload, caseSetup, []);
        }
        catch (Exception e)
        {
            result.RecordException(e);
            return result;
        }
        var samples = new Remeasurement([.. measured.SamplesNanosecondsPerOperation], measured.AllocatedBytesPerOperation,
            measured.StateSamples.ToDictionary(p => p.Key, p => p.Value.ToArray()));
        AtomicFile.WriteText(output, writer => writer.Write(System.Text.Json.JsonSerializer.Serialize(samples)));
        result.SetResult(ResultState.Success);
        return result;
    }
}
