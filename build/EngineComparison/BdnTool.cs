using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EngineComparison;

/// <summary>
/// Measures one kernel with BenchmarkDotNet 0.15.8: the default job (or ShortRun), overhead evaluation switched on
/// explicitly (the engine subtracts overhead too), in-process emit toolchain unless the out-of-process one is asked
/// for (the harness already gives every run its own fresh process, and in-process keeps the runtime knobs equal).
/// </summary>
internal static class BdnTool
{
    public static ToolResult Measure(string kernel, string jobName, bool evaluateOverhead, bool outOfProcess, string artifacts)
    {
        var job = jobName switch
        {
            "default" => Job.Default,
            "short" => Job.ShortRun,
            _ => throw new ArgumentException($"--bdn-job {jobName}: use default or short"),
        };
        var defaultOverhead = Job.Default.ResolveValue(AccuracyMode.EvaluateOverheadCharacteristic, EngineResolver.Instance);
        job = job.WithEvaluateOverhead(evaluateOverhead);
        if (!outOfProcess) job = job.WithToolchain(InProcessEmitToolchain.Instance);

        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddFilter(new NameFilter(name => name == kernel))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);

        var wall = Stopwatch.StartNew();
        var summary = BenchmarkRunner.Run<Kernels>(config);
        wall.Stop();

        var report = summary.Reports.SingleOrDefault() ?? throw new InvalidOperationException($"BenchmarkDotNet ran no benchmark for {kernel}");
        var stats = report.ResultStatistics ?? throw new InvalidOperationException($"BenchmarkDotNet has no result for {kernel}");
        var operations = report.AllMeasurements.Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual)
            .Select(m => m.Operations).FirstOrDefault();
        var details = string.Create(CultureInfo.InvariantCulture,
            $"job={jobName} evaluateOverhead={evaluateOverhead} (0.15.8 default resolves to {defaultOverhead}) toolchain={(outOfProcess ? "out-of-process" : "in-process-emit")} " +
            $"samples={stats.N} opsPerSample={operations} q1={stats.Q1:G6} q3={stats.Q3:G6} bdnTotalS={summary.TotalTime.TotalSeconds:F2}");
        return new ToolResult("bdn", kernel, stats.Median, wall.Elapsed.TotalSeconds, details);
    }
}
