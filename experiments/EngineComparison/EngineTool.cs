using System.Diagnostics;
using System.Globalization;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Statistics;

namespace EngineComparison;

/// <summary>
/// Measures one kernel with our engine exactly as the NUnit command does: WorkloadFactory.Create, one untimed
/// probe call, then BenchmarkEngine.Run with default EngineSettings, the stopwatch clock, the quadratic-form reference and the
/// default state probes. With <c>samplesFile</c> it also writes each sample with the state measured next to it.
/// </summary>
internal static class EngineTool
{
    public static ToolResult Measure(string kernel, string? samplesFile)
    {
        var method = typeof(Kernels).GetMethod(kernel) ?? throw new ArgumentException($"no kernel named '{kernel}'");
        var wall = Stopwatch.StartNew();
        var target = new Kernels();
        var workload = WorkloadFactory.Create(target, method, []);
        workload.Probe();
        var reference = new QuadraticFormReference();
        var probes = StateProbes.CreateDefault();
        var run = new BenchmarkEngine(new EngineSettings(), StopwatchClock.Instance).Run(workload, reference, [], probes);
        wall.Stop();
        if (samplesFile is not null) Labelled(run, reference.Name).Write(samplesFile);

        // Diagnostic: the empty invocation timed again after the run, when everything has had time to tier up.
        var after = new double[15];
        for (var i = 0; i < after.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            workload.Overhead(run.OperationsPerSample);
            after[i] = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / run.OperationsPerSample;
        }
        Array.Sort(after);

        var samples = run.Measured.Select(m => m.NanosecondsPerOperation).ToArray();
        var summary = SummaryCalculator.Summarise(samples);
        var raw = run.Measured.Select(m => m.NanosecondsPerOperation + run.OverheadNanosecondsPerOperation).Order().ToArray();
        // The reference batch timed after each sample shows which speed state the process ran in.
        var referenceTimes = run.Measured.Select(m => m.ReferenceNanosecondsPerOperation).Where(double.IsFinite).Order().ToArray();
        var details = string.Create(CultureInfo.InvariantCulture,
            $"samples={samples.Length} opsPerSample={run.OperationsPerSample} overheadNs={run.OverheadNanosecondsPerOperation:G4} overheadAfterRunNs={after[after.Length / 2]:G4} " +
            $"meanNs={summary.Mean:G6} rawMedianNs={raw[raw.Length / 2]:G6} q1={summary.Q1:G6} q3={summary.Q3:G6} engineElapsedS={run.Elapsed.TotalSeconds:F2} " +
            $"refMedianNs={referenceTimes[referenceTimes.Length / 2]:G5} refP10Ns={referenceTimes[referenceTimes.Length / 10]:G5} refP90Ns={referenceTimes[referenceTimes.Length * 9 / 10]:G5} " +
            $"stoppedByLimit={run.StoppedByTimeLimit} copyTimes:") + CopyTimes(reference.Name, reference.CopyTimes) +
            string.Concat(probes.Select(p => p switch
            {
                MemoryStreamProbe m => CopyTimes(m.Name, m.CopyTimes),
                BranchProbe b => CopyTimes(b.Name, b.CopyTimes),
                _ => $" {p.Name}=?",
            }));
        return new ToolResult("engine", kernel, summary.Median, wall.Elapsed.TotalSeconds, details);
    }

    /// <summary>How much each workload's compiled copies differed (<see cref="QuadraticFormReference.CopyTimes"/>): placement effects.</summary>
    private static string CopyTimes(string name, string times) => $" {name}={times.Replace(' ', '/')}";

    private static StateLog Labelled(EngineRun run, string referenceName)
    {
        var measured = run.Measured;
        var state = new Dictionary<string, double[]> { [referenceName] = measured.Select(m => m.ReferenceNanosecondsPerOperation).ToArray() };
        foreach (var probe in run.Probes) state[probe.Name] = probe.NanosecondsPerOperation.ToArray();
        return new StateLog(measured.Select(m => m.NanosecondsPerOperation).ToArray(), state);
    }
}
