using System.Globalization;

namespace EngineComparison;

/// <summary>The harness's command line. Parent mode runs the comparison; child mode (--tool, --kernel) measures one kernel with one tool.</summary>
internal sealed record ComparisonOptions
{
    public int Rounds { get; init; } = 3;
    public IReadOnlyList<string> Kernels { get; init; } = EngineComparison.Kernels.Names;
    /// <summary>Child mode: the tools to run, in this order, in this one process.</summary>
    public IReadOnlyList<string>? Tools { get; init; }
    /// <summary>Parent mode: run both tools in one child per round and kernel (they then time the same compiled code).</summary>
    public bool SameProcess { get; init; }
    public string? Kernel { get; init; }
    public string? SamplesFile { get; init; }
    public string BdnJob { get; init; } = "default";
    public bool BdnOverhead { get; init; } = true;
    public bool BdnOutOfProcess { get; init; }
    public string Artifacts { get; init; } = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "engine-comparison"));

    public const string Usage = """
        usage: EngineComparison [--rounds N] [--kernels K1,K2,...] [--bdn-job default|short|labelled] [--bdn-overhead on|off]
                                [--bdn-out-of-process] [--same-process] [--artifacts DIR]
               EngineComparison --tool bdn|engine|bdn,engine|engine,bdn --kernel K [--samples-file F]
                   (one process measuring one kernel with one tool or both in that order; the parent runs these;
                    {tool} in F is replaced by the tool's name)
        kernels: Empty, Tiny, QuadraticForm10x20, QuadraticForm100, QuadraticForm1000, QuadraticForm100x770
        """;

    public static ComparisonOptions Parse(string[] args)
    {
        var o = new ComparisonOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--rounds" => o with { Rounds = PositiveInt(Next()) },
                "--kernels" => o with { Kernels = KnownKernels(Next()) },
                "--tool" => o with { Tools = ToolList(Next()) },
                "--kernel" => o with { Kernel = KnownKernels(Next()).Single() },
                "--bdn-job" => o with { BdnJob = Next() is var j && j is "default" or "short" or "labelled" ? j : throw new ArgumentException($"--bdn-job {j}: use default, short or labelled") },
                "--samples-file" => o with { SamplesFile = Path.GetFullPath(Next()) },
                "--bdn-overhead" => o with { BdnOverhead = Next() is var v && v is "on" or "off" ? v == "on" : throw new ArgumentException($"--bdn-overhead {v}: use on or off") },
                "--bdn-out-of-process" => o with { BdnOutOfProcess = true },
                "--same-process" => o with { SameProcess = true },
                "--artifacts" => o with { Artifacts = Path.GetFullPath(Next()) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }
        if ((o.Tools is null) != (o.Kernel is null)) throw new ArgumentException("--tool and --kernel go together");
        if (o.Tools is { Count: > 1 } && o.SamplesFile is { } f && !f.Contains("{tool}", StringComparison.Ordinal))
            throw new ArgumentException("--samples-file needs {tool} in its name when --tool names two tools (one file each)");
        if (o.SameProcess && o.BdnOutOfProcess) throw new ArgumentException("--same-process needs the in-process toolchain (BDN must time the code the engine timed)");
        if (o.BdnJob == "labelled" && o.BdnOutOfProcess) throw new ArgumentException("--bdn-job labelled needs the in-process toolchain (its state probes run in BDN's process)");
        return o;
    }

    /// <summary>The arguments that make a child measure <paramref name="kernel"/> with <paramref name="tools"/>, in order, under these options.</summary>
    public IEnumerable<string> ChildArguments(IEnumerable<string> tools, string kernel, string samplesFile) =>
    [
        "--tool", string.Join(',', tools), "--kernel", kernel, "--bdn-job", BdnJob, "--bdn-overhead", BdnOverhead ? "on" : "off",
        "--artifacts", Artifacts, "--samples-file", samplesFile, .. BdnOutOfProcess ? new[] { "--bdn-out-of-process" } : [],
    ];

    private static int PositiveInt(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"--rounds {s}: must be a positive integer");

    private static string[] ToolList(string list)
    {
        var tools = list.Split(',');
        if (tools.Length is < 1 or > 2 || tools.Any(t => t is not ("bdn" or "engine")) || tools.Distinct().Count() != tools.Length)
            throw new ArgumentException($"--tool {list}: use bdn, engine, bdn,engine or engine,bdn");
        return tools;
    }

    private static string[] KnownKernels(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !EngineComparison.Kernels.Names.Contains(n)).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"unknown kernel(s) {string.Join(", ", unknown)}; known: {string.Join(", ", EngineComparison.Kernels.Names)}");
        if (names.Length == 0) throw new ArgumentException("no kernel given");
        return names;
    }
}
