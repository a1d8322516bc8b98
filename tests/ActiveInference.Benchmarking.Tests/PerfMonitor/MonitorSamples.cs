using ActiveInference.Benchmarking.Tests.Assertions;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;
using ActiveInference.PerfMonitor;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

/// <summary>Small prepared results files, baselines and a way to call the command line in a temporary directory.</summary>
internal sealed class MonitorSamples : IDisposable
{
    public const string Suite = "ActiveInference.Core.PerfTests";
    public static readonly DateTimeOffset Time = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly MachineProfile Profile = new("Test CPU", 2, "Linux", "10.0.0", "1.0.0", "reference=quadratic");

    public MonitorSamples() => Directory = System.IO.Directory.CreateTempSubdirectory("perfmonitor-tests-").FullName;

    /// <summary>The temporary working directory (also the "repository root": tests put perf.runsettings in it when needed).</summary>
    public string Directory { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>20 samples around <paramref name="medianNs"/> (±2%, fixed pattern), normalised against a 500 ns reference.</summary>
    /// <remarks>With <paramref name="verdict"/>, the gate's outcome on it (that verdict, +30% when regressed, else no change); without, no gate ran.</remarks>
    public static GatedResult Result(string name, double medianNs, Verdict? verdict = null, string[]? trust = null, string? fullName = null)
    {
        var samples = Enumerable.Range(0, 20).Select(i => medianNs * (1 + 0.02 * Math.Sin(i * 1.7))).ToArray();
        var measured = SyntheticResult.Create(totalOperations: 2000, samples: samples, trustIssues: trust, fullName: fullName ?? $"{Suite}.Kernels.{name}", name: name, suite: $"{Suite}.Kernels",
            state: new Dictionary<string, IReadOnlyList<double>> { [QuadraticFormReference.ReferenceName] = Enumerable.Repeat(500.0, samples.Length).ToArray() }, timestamp: Time);
        return new GatedResult(measured,
            verdict is { } v ? new GateOutcome { Verdict = v, Message = $"{name}: {v}", Ratio = v == Verdict.Regressed ? 1.3 : 1.0, Threshold = 0.1, BaselineMedianNanoseconds = medianNs / (v == Verdict.Regressed ? 1.3 : 1.0), CurrentMedianNanoseconds = medianNs } : null);
    }

    /// <summary>The state probes <see cref="ProbedResult"/> times next to each sample.</summary>
    public static readonly string[] Probes = ["branch-4k", "memory-stream-1MiB"];

    /// <summary>
    /// 40 samples around <paramref name="medianNs"/> like <see cref="Result"/>'s, each with the times of <see cref="Probes"/> taken next to it:
    /// the machine's state drifts by ±2% and moves the benchmark with it, so the state-matched gate can compare two such results.
    /// The probes run <paramref name="probeFactor"/> times slower than usual (3: a state no other result saw).
    /// </summary>
    public static BenchmarkResult ProbedResult(string name, double medianNs, double probeFactor = 1)
    {
        var drift = Enumerable.Range(0, 40).Select(i => 1 + 0.02 * Math.Sin(i * 1.7)).ToArray();
        var samples = drift.Select(d => medianNs * d).ToArray();
        return Result(name, medianNs).Measured with
        {
            Time = SummaryCalculator.Summarise(samples),
            SamplesNanosecondsPerOperation = samples,
            StateSamples = Probes.Select((probe, p) => (probe, times: (IReadOnlyList<double>)drift.Select(d => (800 + 400 * p) * probeFactor * d).ToArray()))
                .Append((probe: QuadraticFormReference.ReferenceName, times: Enumerable.Repeat(500.0, samples.Length).ToArray()))
                .ToDictionary(x => x.probe, x => x.times),
            TotalOperations = 4000,
        };
    }

    /// <summary>A run of results no gate judged.</summary>
    public static RunReport Run(params BenchmarkResult[] results) => Run(results.Select(r => new GatedResult(r)).ToArray());

    public static RunReport Run(params GatedResult[] results) => new()
    {
        Suite = Suite,
        Timestamp = Time,
        Config = new Dictionary<string, string> { ["mode"] = "gate", ["threshold"] = "0.1" },
        MachineProfileId = Profile.Id,
        MachineProfileDescription = Profile.Description,
        Commit = "0123456789abcdef",
        Branch = "main",
        Results = results,
    };

    /// <summary>Writes <paramref name="run"/> as a results.json under <paramref name="relative"/> (a directory is created); returns the full path.</summary>
    public string WriteResults(string relative, RunReport run)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, new ResultsJsonExporter().ExportToString(run));
        return path;
    }

    /// <summary>Records <paramref name="run"/>'s results as baselines under <see cref="Profile"/>; returns the path.</summary>
    public string WriteBaselines(string relative, RunReport run)
    {
        var path = PathOf(relative);
        var recorded = new BaselineStore().Record(path, Profile, run.Results.Select(r => r.Measured).ToArray(), run.Commit);
        if (!recorded.Succeeded)
            throw new InvalidOperationException(recorded.Error);
        return path;
    }

    /// <summary>Runs the command line in <see cref="Directory"/>.</summary>
    public CliOutcome Invoke(IProcessRunner? runner = null, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, Directory, environment ?? new Dictionary<string, string>(), runner ?? new NoProcesses());
        var code = MonitorCommandLine.Invoke(args, context);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }

    public CliOutcome Invoke(params string[] args) => Invoke(null, null, args);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A locked temp file on some platforms: leave it to the OS.
        }
    }

    private sealed class NoProcesses : IProcessRunner
    {
        public int Run(ProcessSpec spec, Action<string> onLine) => throw new InvalidOperationException("no process expected: " + spec.CommandLine);
    }
}

/// <summary>Exit code and the two streams of one command-line call.</summary>
internal sealed record CliOutcome(int Code, string Out, string Error)
{
    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
