using System.Diagnostics;
using System.Globalization;

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
                          "engine: default EngineSettings, QuadraticFormReference and state probes. Each run in a fresh process; child logs in " + childLogs);
        Console.WriteLine($"load average at start: {LoadAverage()}");

        var results = new List<ToolResult>();
        var logs = new List<(string Kernel, StateLog Engine, StateLog Bdn)>();
        var samplesDirectory = Path.Combine(options.Artifacts, "samples");
        Directory.CreateDirectory(samplesDirectory);
        var failures = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var kernel in options.Kernels)
            {
                string[] order = round % 2 == 1 ? ["bdn", "engine"] : ["engine", "bdn"];
                var samples = new Dictionary<string, string>();
                foreach (var tool in order)
                {
                    samples[tool] = Path.Combine(samplesDirectory, $"round{round}-{kernel}-{tool}.json");
                    File.Delete(samples[tool]);
                    var result = RunChild(tool, kernel, round, childLogs, samples[tool]);
                    if (result is null) failures++;
                    else results.Add(result);
                }
                if (options.BdnJob == "labelled" && StateLog.Read(samples["engine"]) is { } e && StateLog.Read(samples["bdn"]) is { } b)
                    logs.Add((kernel, e, b));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {LoadAverage()}");
        PrintTable(results);
        if (options.BdnJob == "labelled") PrintMatched(logs);
        return failures == 0 ? 0 : 1;
    }

    private ToolResult? RunChild(string tool, string kernel, int round, string logs, string samplesFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(Comparison).Assembly.Location);
        foreach (var a in options.ChildArguments(tool, kernel, samplesFile)) start.ArgumentList.Add(a);

        var lines = new List<string>();
        var wall = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add("stderr: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
        }
        wall.Stop();

        var log = Path.Combine(logs, $"round{round}-{kernel}-{tool}.log");
        File.WriteAllLines(log, lines);
        var result = ToolResult.Find(lines);
        if (result is null)
        {
            Console.WriteLine($"round {round} {kernel,-22} {tool,-6} FAILED, see {log}");
            return null;
        }
        Console.WriteLine(string.Create(Invariant,
            $"round {round} {kernel,-22} {tool,-6} median {Format(result.MedianNanoseconds),11}  wall {result.WallSeconds,6:F1} s (process {wall.Elapsed.TotalSeconds:F1} s)  {result.Details}"));
        return result;
    }

    private static void PrintTable(List<ToolResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("kernel                  runs  BDN median   engine median  engine/BDN   BDN wall  engine wall  wall speed-up");
        Console.WriteLine("----------------------  ----  -----------  -------------  ----------  ---------  -----------  -------------");
        foreach (var kernel in results.Select(r => r.Kernel).Distinct())
        {
            var bdn = results.Where(r => r.Kernel == kernel && r.Tool == "bdn").ToArray();
            var engine = results.Where(r => r.Kernel == kernel && r.Tool == "engine").ToArray();
            var bdnMedian = Median(bdn.Select(r => r.MedianNanoseconds));
            var engineMedian = Median(engine.Select(r => r.MedianNanoseconds));
            var bdnWall = Median(bdn.Select(r => r.WallSeconds));
            var engineWall = Median(engine.Select(r => r.WallSeconds));
            Console.WriteLine(string.Create(Invariant,
                $"{kernel,-22}  {bdn.Length,2}/{engine.Length,-2} {Format(bdnMedian),11}  {Format(engineMedian),13}  {Ratio(engineMedian, bdnMedian),10}  {bdnWall,7:F1} s  {engineWall,9:F1} s  {bdnWall / engineWall,12:F1}x"));
        }
        var empty = results.Where(r => r.Kernel == nameof(Kernels.Empty) && r.Tool == "engine").Select(r => r.MedianNanoseconds).ToArray();
        if (empty.Length > 0)
            Console.WriteLine(string.Create(Invariant,
                $"\nEmpty method, engine: {Median(empty):F3} ns/op (median of {empty.Length} run(s); target < 1 ns)"));
        Console.WriteLine("engine/BDN is the ratio of the medians of per-run medians; wall is the median time one tool needed for one benchmark.");
    }

    private static void PrintMatched(List<(string Kernel, StateLog Engine, StateLog Bdn)> logs)
    {
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

    private static string Ratio(double engine, double bdn) =>
        bdn > 0 && double.IsFinite(engine) ? (engine / bdn).ToString("F3", Invariant) : "n/a";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

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
