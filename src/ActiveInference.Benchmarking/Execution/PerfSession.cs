using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Pairing;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The run-level state, created once per process on first use (or injected by tests): options, machine profile and the
/// parts doing the run's jobs.
/// </summary>
internal sealed class PerfSession
{
    private static readonly Lazy<PerfSession> s_process = new(FromEnvironment);
    private static readonly AsyncLocal<PerfSession?> s_override = new();

    private readonly ResultCollector _results = new();
    private readonly RunBaselines? _baselines;
    private readonly BaselineCodeCache _baselineCode;
    private readonly RunModeEvaluator? _evaluator;
    private readonly RepositoryInfo _repository;

    /// <param name="options">The bound options; null when <paramref name="problem"/> says why.</param>
    /// <param name="problem">Why no benchmark can run, or null.</param>
    /// <param name="profile">This machine's profile.</param>
    /// <param name="remeasure">Re-measures a benchmark in a fresh process (the recorded-numbers fallback); default: a child process.</param>
    /// <param name="baselineCode">The baseline's code for a perf assembly path; default: <see cref="BaselineCodeResolver"/>.</param>
    /// <param name="pairedProcess">Runs one paired process; default: a child process of the current perf assembly.</param>
    internal PerfSession(PerfOptions? options, string? problem, MachineProfile profile,
        Func<string, string, (Remeasurement?, string?)>? remeasure = null,
        Func<string, BaselineCode>? baselineCode = null,
        Func<PairedRequest, (PairedChildResult?, string?)>? pairedProcess = null)
    {
        Options = options;
        Profile = profile;
        _repository = new RepositoryInfo(options is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(options.BaselinePath))!, options?.Commit);
        _baselines = options is null ? null : new RunBaselines(options.BaselinePath);
        _baselineCode = new BaselineCodeCache(baselineCode ?? (path => BaselineCodeResolver.Resolve(Options!.BaselineRef, _baselines!.Loaded.Document, Profile.Id, path, Progress)));
        _evaluator = options is null ? null
            : new RunModeEvaluator(options, profile, _baselines!, _baselineCode, ChildProcesses.Create(remeasure, pairedProcess), _repository);
        Problem = problem ?? (options is { Mode: PerfMode.Gate or PerfMode.Record } ? _baselines!.Problem() : null);
    }

    /// <summary>The session of this test run.</summary>
    public static PerfSession Current => s_override.Value ?? s_process.Value;

    /// <summary>
    /// Uses <paramref name="session"/> instead of the process's session in this async flow until disposed (for the
    /// framework's tests).
    /// </summary>
    internal static IDisposable Use(PerfSession session)
    {
        var previous = s_override.Value;
        s_override.Value = session;
        return new Restore(() => s_override.Value = previous);
    }

    /// <summary>The bound options; null only when <see cref="Problem"/> says why.</summary>
    public PerfOptions? Options { get; }

    /// <summary>This machine's profile: the key of its baselines.</summary>
    public MachineProfile Profile { get; }

    /// <summary>Why no benchmark can run (bad configuration, corrupt baselines), or null. Every perf test fails with it.</summary>
    public string? Problem { get; }

    /// <summary>The baseline's code for the perf assembly at <paramref name="assemblyPath"/>, decided once per run.</summary>
    public BaselineCode BaselineCodeFor(string assemblyPath) => _baselineCode.For(assemblyPath);

    /// <summary>True when an Inconclusive verdict fails the test.</summary>
    public bool InconclusiveAsFailure => Options?.InconclusiveAsFailure ?? false;

    /// <summary>The results collected so far, each with the gate's verdict on it.</summary>
    public IReadOnlyCollection<GatedResult> Results => _results.Results;

    /// <summary>Applies the run's mode to one measured benchmark (see <see cref="RunModeEvaluator"/>).</summary>
    public GateOutcome Evaluate(BenchmarkResult result, double thresholdOverride, string assemblyPath, BenchmarkMember? member = null) =>
        _evaluator!.Evaluate(result, thresholdOverride, assemblyPath, member);

    /// <summary>Adds one benchmark's result, with the gate's verdict on it, to the run.</summary>
    public void Collect(GatedResult result) => _results.Collect(result);

    /// <summary>The latest baseline samples (ns/op) on this profile per benchmark, for the distribution charts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> BaselineSamples() =>
        _baselines?.LatestSamples(Results.Select(r => r.Measured), Profile.Id) ?? new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>
    /// Called once when the test run ends: writes the run-level reports and appends the run to the history; problems and
    /// a gate run that compared nothing are said on stderr.
    /// </summary>
    public IReadOnlyList<string> Complete(string suiteName) =>
        Options is null || !_results.CompleteOnce()
            ? []
            : RunCompletion.Write(this, suiteName, Console.Error);

    /// <summary>The commit the run measured: the setting, else GITHUB_SHA, else git, else null.</summary>
    public string? Commit => _repository.Commit;

    /// <summary>The branch, from GITHUB_REF_NAME or git, or null.</summary>
    public string? Branch => _repository.Branch;

    /// <summary>A line the person running the suite sees while it runs (the adapter shows NUnit's progress stream live).</summary>
    private static void Progress(string line)
    {
        try { NUnit.Framework.TestContext.Progress.WriteLine(line); }
        catch (Exception e) when (e is InvalidOperationException or IOException) { Console.Error.WriteLine(line); }
    }

    private static PerfSession FromEnvironment()
    {
        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var testParameters = NUnit.Framework.TestContext.Parameters;
        foreach (var name in testParameters.Names)
            parameters[name] = testParameters[name];
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
        var loaded = PerfOptionsLoader.Load(parameters, environment: null, root);
        var profile = MachineProfile.Detect(EngineFingerprint.Current, loaded.Options?.MachineProfile);
        return new PerfSession(loaded.Options, loaded.IsValid ? null : loaded.ErrorMessage, profile);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
