using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EngineSettings = ActiveInference.Benchmarking.Engine.EngineSettings;
using WorkloadFactory = ActiveInference.Benchmarking.Engine.WorkloadFactory;

namespace EngineComparison;

/// <summary>
/// Measures one kernel with BenchmarkDotNet 0.15.8, overhead evaluation switched on explicitly (the engine subtracts
/// overhead too), in-process emit toolchain unless the out-of-process one is asked for (the harness already gives
/// every run its own fresh process, and in-process keeps the runtime knobs equal). Jobs: <c>default</c>
/// (Job.Default), <c>short</c> (Job.ShortRun) and <c>labelled</c>: iterations as long as the engine's samples
/// (about 1 ms, BDN's own unrolled loop), each followed by the engine's state probes, so the two tools can be
/// compared in matching machine states.
/// </summary>
internal static class BdnTool
{
    public static ToolResult Measure(string kernel, string jobName, bool evaluateOverhead, bool outOfProcess, string artifacts, string? samplesFile)
    {
        var labelled = jobName == "labelled";
        var (job, jobDetails) = jobName switch
        {
            "default" => (Job.Default, ""),
            "short" => (Job.ShortRun, ""),
            "labelled" => LabelledJob(kernel),
            _ => throw new ArgumentException($"--bdn-job {jobName}: use default, short or labelled"),
        };
        var defaultOverhead = Job.Default.ResolveValue(AccuracyMode.EvaluateOverheadCharacteristic, EngineResolver.Instance);
        job = job.WithEvaluateOverhead(evaluateOverhead);
        if (!outOfProcess) job = job.WithToolchain(InProcessEmitToolchain.Instance);

        // Labelled iterations last 1 ms: a console line after each would put a write, and the parent reading it on
        // the other core, between every iteration and its probes. Keep BDN's log in memory and print it at the end.
        var memoryLog = new AccumulationLogger();
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(labelled ? memoryLog : ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddFilter(new NameFilter(name => name == kernel))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);

        var wall = Stopwatch.StartNew();
        var summary = labelled ? BenchmarkRunner.Run<LabelledKernels>(config) : BenchmarkRunner.Run<Kernels>(config);
        wall.Stop();
        if (labelled) Console.Write(memoryLog.GetLog());

        var report = summary.Reports.SingleOrDefault() ?? throw new InvalidOperationException($"BenchmarkDotNet ran no benchmark for {kernel}");
        var stats = report.ResultStatistics ?? throw new InvalidOperationException($"BenchmarkDotNet has no result for {kernel}");
        var actual = Measurements(report, IterationMode.Workload, IterationStage.Actual);
        var stateDetails = "";
        if (labelled)
        {
            var log = StateLabelledSamples(report, actual, evaluateOverhead);
            stateDetails = string.Create(CultureInfo.InvariantCulture, $" stateRecords={LabelledKernels.Recorder?.Count ?? 0} actualIterations={actual.Length}");
            if (samplesFile is not null) log.Write(samplesFile);
        }
        var details = string.Create(CultureInfo.InvariantCulture,
            $"job={jobName}{jobDetails} evaluateOverhead={evaluateOverhead} (0.15.8 default resolves to {defaultOverhead}) toolchain={(outOfProcess ? "out-of-process" : "in-process-emit")} " +
            $"samples={stats.N} opsPerSample={actual.Select(m => m.Operations).FirstOrDefault()} q1={stats.Q1:G6} q3={stats.Q3:G6} bdnTotalS={summary.TotalTime.TotalSeconds:F2}{stateDetails}");
        return new ToolResult("bdn", kernel, stats.Median, wall.Elapsed.TotalSeconds, details);
    }

    /// <summary>
    /// A job whose iterations last about the engine's minimum sample time: invocations per iteration from a pilot
    /// (a multiple of BDN's default unroll factor 16 when there are 16 or more), warmup of at least 0.5 s (tiered JIT
    /// promotes after about 100 ms of calls) and 0.6 s of measured iterations, 100 to 400 of them. No forced full GC
    /// between iterations: the engine forces none between samples, and a collection right before the probes left the
    /// 1 MiB memory probe 40% slower than after an engine sample, so no state matched.
    /// </summary>
    private static (Job Job, string Details) LabelledJob(string kernel)
    {
        var method = typeof(Kernels).GetMethod(kernel) ?? throw new ArgumentException($"no kernel named '{kernel}'");
        var workload = WorkloadFactory.Create(new Kernels(), method, []);
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 300) workload.Run(1);
        var targetNs = new EngineSettings().MinSampleTime.TotalNanoseconds;
        var (operations, ns) = BatchPilot.Grow(workload.Run, targetNs);
        var unroll = operations >= 16 ? 16 : 1;
        operations = (operations + unroll - 1) / unroll * unroll;
        var iterationSeconds = Math.Max(ns, targetNs) / 1e9;
        var warmup = (int)Math.Clamp(Math.Ceiling(0.5 / iterationSeconds), 10, 1000);
        var iterations = (int)Math.Clamp(Math.Ceiling(0.6 / iterationSeconds), 100, 400);
        var job = Job.Default.WithInvocationCount(operations).WithUnrollFactor(unroll).WithWarmupCount(warmup).WithIterationCount(iterations)
            .WithGcForce(false);
        return (job, string.Create(CultureInfo.InvariantCulture, $"(invocations={operations} unroll={unroll} warmup={warmup} iterations={iterations})"));
    }

    /// <summary>
    /// BDN's measured iterations as ns per call with BDN's overhead (median of its overhead iterations) subtracted, as
    /// BDN does, but without its outlier removal, so they stay aligned with the state records: the probes ran after
    /// every workload iteration, the measured ones last.
    /// </summary>
    private static StateLog StateLabelledSamples(BenchmarkReport report, Measurement[] actual, bool evaluateOverhead)
    {
        var recorder = LabelledKernels.Recorder ?? throw new InvalidOperationException("the state recorder never ran: BDN skipped [GlobalSetup]");
        if (recorder.Count < actual.Length)
            throw new InvalidOperationException($"{recorder.Count} state records for {actual.Length} measured iterations: BDN skipped [IterationCleanup]");
        var overheads = Measurements(report, IterationMode.Overhead, IterationStage.Actual).Select(PerOperation).Order().ToArray();
        var overhead = evaluateOverhead && overheads.Length > 0 ? overheads[overheads.Length / 2] : 0;
        var nanoseconds = actual.Select(m => Math.Max(0, PerOperation(m) - overhead)).ToArray();
        return new StateLog(nanoseconds, recorder.Last(actual.Length));
    }

    private static Measurement[] Measurements(BenchmarkReport report, IterationMode mode, IterationStage stage) =>
        report.AllMeasurements.Where(m => m.IterationMode == mode && m.IterationStage == stage).ToArray();

    private static double PerOperation(Measurement m) => m.Nanoseconds / m.Operations;
}
