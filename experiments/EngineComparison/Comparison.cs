using System.Diagnostics;
using System.Globalization;
using ActiveInference.Benchmarking.Statistics;

namespace EngineComparison;

/// <summary>
/// The parent side: runs every (kernel, tool) in its own fresh child process, alternating the tools round by round
/// (ABBA: odd rounds BDN first, even rounds engine first, so a slow drift of the machine hits both alike), then
/// prints per kernel the median of each tool's medians, their ratio and each tool's median wall time. With BDN's
/// labelled job it also compares the two tools' samples in matching machine states (<see cref="MatchedRatio"/>).
/// </summary>
internal sealed class Comparison(ComparisonOptions options)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public int Run()
    {
        var childLogs = Path.Combine(options.Artifacts, "logs");
        Directory.CreateDirectory(childLogs);
        Console.WriteLine(string.Create(Invariant,
            $"Engine vs BenchmarkDotNet 0.15.8: {options.Rounds} round(s), kernels {string.Join(", ", options.Kernels)}"));
        Console.WriteLine($"BDN: job={options.BdnJob}, EvaluateOverhead={options.BdnOverhead}, toolchain={(options.BdnOutOfProcess ? "out-of-process" : "in-process-emit")}; " +
                          "engine: default EngineSettings, QuadraticFormReference and state probes. " +
                          (options.SameProcess ? "Both tools in one fresh process per round and kernel (same compiled code)" : "Each run in a fresh process") +
                          "; child logs in " + childLogs);
        Console.WriteLine($"load average at start: {LoadAverage()}");

        var results = new List<ToolResult>();
        var rounds = new Dictionary<ToolResult, int>(ReferenceEqualityComparer.Instance);
        var logs = new List<(string Kernel, StateLog Engine, StateLog Bdn)>();
        var samplesDirectory = Path.Combine(options.Artifacts, "samples");
        Directory.CreateDirectory(samplesDirectory);
        var failures = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var kernel in options.Kernels)
            {
                string[] order = round % 2 == 1 ? ["bdn", "engine"] : ["engine", "bdn"];
                var pattern = Path.Combine(samplesDirectory, $"round{round}-{kernel}-{{tool}}.json");
                var samples = order.ToDictionary(t => t, t => pattern.Replace("{tool}", t, StringComparison.Ordinal));
                foreach (var file in samples.Values) File.Delete(file);
                string[][] children = options.SameProcess ? [order] : [.. order.Select(t => new[] { t })];
                foreach (var tools in children)
                {
                    var (found, failed) = RunChild(tools, kernel, round, childLogs, pattern);
                    failures += failed;
                    results.AddRange(found);
                    foreach (var r in found) rounds[r] = round;
                }
                if (options.BdnJob == "labelled" && StateLog.Read(samples["engine"]) is { } e && StateLog.Read(samples["bdn"]) is { } b)
                    logs.Add((kernel, e, b));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {LoadAverage()}");
        PrintTable(results, options.SameProcess ? rounds : null);
        if (options.BdnJob == "labelled") PrintMatched(logs, options.SameProcess);
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs one child; returns the results it printed for the tools asked, and how many of them failed.</summary>
    private (IReadOnlyList<ToolResult> Found, int Failed) RunChild(string[] tools, string kernel, int round, string logs, string samplesFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(Comparison).Assembly.Location);
        foreach (var a in options.ChildArguments(tools, kernel, samplesFile)) start.ArgumentList.Add(a);

        var lines = new List<string>();
        var wall = Stopwatch.StartNew();
        int exitCode;
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add("stderr: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        wall.Stop();

        var name = string.Join('-', tools);
        var log = Path.Combine(logs, $"round{round}-{kernel}-{name}.log");
        File.WriteAllLines(log, lines);
        // A child that crashed after printing, or printed a result for something it was not asked, counts as failed.
        var printed = ToolResult.FindAll(lines);
        var found = exitCode == 0 && printed.Count == tools.Length && printed.Select(r => r.Tool).SequenceEqual(tools) && printed.All(r => r.Kernel == kernel)
            ? printed
            : [];
        if (found.Count == 0)
            Console.WriteLine($"round {round} {kernel,-22} {name,-6} FAILED (exit code {exitCode}, {printed.Count} result line(s) for {tools.Length} tool(s)), see {log}");
        foreach (var result in found)
            Console.WriteLine(string.Create(Invariant,
                $"round {round} {kernel,-22} {result.Tool,-6} median {Format(result.MedianNanoseconds),11}  wall {result.WallSeconds,6:F1} s (process {name} {wall.Elapsed.TotalSeconds:F1} s)  {result.Details}"));
        return (found, tools.Length - found.Count);
    }

    private static void PrintTable(List<ToolResult> results, IReadOnlyDictionary<ToolResult, int>? sameProcessRounds)
    {
        var sameProcess = sameProcessRounds is not null;
        Console.WriteLine();
        Console.WriteLine("kernel                  runs  BDN median   engine median  engine/BDN   BDN wall  engine wall  wall speed-up" + (sameProcess ? "  paired engine/BDN (range)" : ""));
        Console.WriteLine("----------------------  ----  -----------  -------------  ----------  ---------  -----------  -------------" + (sameProcess ? "  -------------------------" : ""));
        foreach (var kernel in results.Select(r => r.Kernel).Distinct())
        {
            var bdn = results.Where(r => r.Kernel == kernel && r.Tool == "bdn").ToArray();
            var engine = results.Where(r => r.Kernel == kernel && r.Tool == "engine").ToArray();
            var bdnMedian = Quantile.MedianOrNaN(bdn.Select(r => r.MedianNanoseconds));
            var engineMedian = Quantile.MedianOrNaN(engine.Select(r => r.MedianNanoseconds));
            var bdnWall = Quantile.MedianOrNaN(bdn.Select(r => r.WallSeconds));
            var engineWall = Quantile.MedianOrNaN(engine.Select(r => r.WallSeconds));
            Console.WriteLine(string.Create(Invariant,
                $"{kernel,-22}  {bdn.Length,2}/{engine.Length,-2} {Format(bdnMedian),11}  {Format(engineMedian),13}  {Ratio(engineMedian, bdnMedian),10}  {bdnWall,7:F1} s  {engineWall,9:F1} s  {bdnWall / engineWall,12:F1}x")
                + (sameProcessRounds is null ? "" : "  " + Paired(bdn, engine, sameProcessRounds)));
        }
        var empty = results.Where(r => r.Kernel == nameof(Kernels.Empty) && r.Tool == "engine").Select(r => r.MedianNanoseconds).ToArray();
        if (empty.Length > 0)
            Console.WriteLine(string.Create(Invariant,
                $"\nEmpty method, engine: {Quantile.MedianOrNaN(empty):F3} ns/op (median of {empty.Length} run(s); target < 1 ns)"));
        Console.WriteLine("engine/BDN is the ratio of the medians of per-run medians; wall is the median time one tool needed for one benchmark.");
        if (sameProcess)
            Console.WriteLine("paired: the median over processes of engine median / BDN median measured in the same process (same compiled code).");
    }

    /// <summary>With --same-process the BDN and engine results of one round share a process: their ratio, per round.</summary>
    private static string Paired(ToolResult[] bdn, ToolResult[] engine, IReadOnlyDictionary<ToolResult, int> rounds)
    {
        var ratios = bdn.Join(engine, b => rounds[b], e => rounds[e], (b, e) => e.MedianNanoseconds / b.MedianNanoseconds)
            .Where(double.IsFinite).Order().ToArray();
        return ratios.Length == 0 ? "n/a" : string.Create(Invariant, $"{Quantile.MedianOrNaN(ratios),6:F3} ({ratios[0]:F3}–{ratios[^1]:F3})");
    }

    private static void PrintMatched(List<(string Kernel, StateLog Engine, StateLog Bdn)> logs, bool sameProcess)
    {
        if (sameProcess)
        {
            PrintMatchedPerProcess(logs);
            return;
        }
        Console.WriteLine();
        Console.WriteLine("kernel                  state-matched engine/BDN  runs matched (engine, BDN)  per-run shifts engine | BDN (%)");
        Console.WriteLine("----------------------  ------------------------  --------------------------  -------------------------------");
        foreach (var kernel in logs.Select(l => l.Kernel).Distinct())
        {
            var runs = logs.Where(l => l.Kernel == kernel).ToArray();
            var ratio = MatchedRatio.Compute(runs.Select(r => r.Engine).ToArray(), runs.Select(r => r.Bdn).ToArray());
            if (ratio is null)
            {
                Console.WriteLine($"{kernel,-22}  {"n/a",24}  too few samples in matching states");
                continue;
            }
            string Percent(double[] shifts) => string.Join(" ", shifts.Select(s => (100 * (Math.Exp(s) - 1)).ToString("+0.0;-0.0", Invariant)));
            Console.WriteLine(string.Create(Invariant,
                $"{kernel,-22}  {ratio.Ratio,24:F3}  {ratio.EngineShifts.Length,8}/{ratio.Runs,-3} {ratio.BdnShifts.Length,6}/{ratio.Runs,-6}  {Percent(ratio.EngineShifts)} | {Percent(ratio.BdnShifts)}"));
        }
        Console.WriteLine("state-matched: each run of one tool against the other tool's samples of all rounds pooled, in the same machine state");
        Console.WriteLine("(reference and probe times within 12%); engine/BDN = exp((median engine-run shift - median BDN-run shift) / 2).");
    }

    /// <summary>
    /// Both tools in one process time the same compiled code, so each process is compared with itself: the engine's
    /// samples against BDN's iterations of that process in matching states, then the median over processes. Pooling
    /// across processes would mix code placements (see README: one placement of QuadraticForm100x770 runs 1.5x slower).
    /// </summary>
    private static void PrintMatchedPerProcess(List<(string Kernel, StateLog Engine, StateLog Bdn)> logs)
    {
        Console.WriteLine();
        Console.WriteLine("kernel                  state-matched engine/BDN, median over processes (range)  processes matched");
        Console.WriteLine("----------------------  -------------------------------------------------------  -----------------");
        foreach (var kernel in logs.Select(l => l.Kernel).Distinct())
        {
            if (kernel == nameof(Kernels.Empty))
            {
                Console.WriteLine($"{kernel,-22}  {"n/a",55}  nothing left after overhead: a ratio of two zeros");
                continue;
            }
            var runs = logs.Where(l => l.Kernel == kernel).ToArray();
            var ratios = runs.Select(r => MatchedRatio.Compute([r.Engine], [r.Bdn])).OfType<MatchedRatio>().Select(m => m.Ratio).Order().ToArray();
            var text = ratios.Length == 0 ? "n/a" : string.Create(Invariant, $"{Quantile.MedianOrNaN(ratios):F3} ({ratios[0]:F3}–{ratios[^1]:F3})");
            Console.WriteLine($"{kernel,-22}  {text,55}  {ratios.Length,8}/{runs.Length}");
        }
        Console.WriteLine("state-matched: within each process, the engine's samples against BDN's iterations in the same machine state");
        Console.WriteLine("(reference and probe times within 12%), engine/BDN = exp((engine shift - BDN shift) / 2).");
    }

    private static string Ratio(double engine, double bdn) =>
        bdn > 0 && double.IsFinite(engine) ? (engine / bdn).ToString("F3", Invariant) : "n/a";


    /// <summary>Nanoseconds in a readable unit.</summary>
    public static string Format(double ns) => ns switch
    {
        double.NaN => "n/a",
        < 1e3 => ns.ToString("F3", Invariant) + " ns",
        < 1e6 => (ns / 1e3).ToString("F3", Invariant) + " us",
        _ => (ns / 1e6).ToString("F3", Invariant) + " ms",
    };

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "unknown"; }
    }
}
