using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// The run-level state NUnit forces on us: the options, the machine profile, the baselines and the results of one
/// test run, created once per process on first use (or injected by the framework's own tests).
/// </summary>
internal sealed class PerfSession
{
    private static readonly Lazy<PerfSession> s_process = new(FromEnvironment);
    private static readonly AsyncLocal<PerfSession?> s_override = new();

    private readonly ConcurrentQueue<BenchmarkResult> _results = new();
    private readonly Lazy<BaselineLoadResult> _baselines;
    /// <summary>A paired process taking longer than this is stopped and the benchmark is Inconclusive (the slowest here take about 40 s, BeliefUpdate(1000) with its 4 s set-up per copy).</summary>
    private static readonly TimeSpan PairedProcessTimeout = TimeSpan.FromMinutes(5);

    private readonly BaselineStore _store = new();
    private readonly ConcurrentDictionary<string, Lazy<BaselineCode>> _baselineCode = new(StringComparer.Ordinal);
    private readonly Func<string, BaselineCode> _resolveBaselineCode;
    private readonly Lazy<string> _dirtyNote;
    private int _completed;

    /// <param name="options">The bound options; null when <paramref name="problem"/> says why.</param>
    /// <param name="problem">Why no benchmark can run, or null.</param>
    /// <param name="profile">This machine's profile.</param>
    /// <param name="childOutput">Set in a re-measuring child process: where its samples go.</param>
    /// <param name="remeasure">Re-measures a benchmark in a fresh process (the recorded-numbers fallback); default: a child process.</param>
    /// <param name="baselineCode">The baseline's code for a perf assembly path; default: <see cref="BaselineCodeResolver"/>.</param>
    /// <param name="pairedProcess">Runs one paired process; default: a child process of the current perf assembly.</param>
    internal PerfSession(PerfOptions? options, string? problem, MachineProfile profile, string? childOutput,
        Func<string, string, (Remeasurement?, string?)>? remeasure = null,
        Func<string, BaselineCode>? baselineCode = null,
        Func<PairedRequest, (PairedChildResult?, string?)>? pairedProcess = null)
    {
        Options = options;
        Profile = profile;
        ChildOutput = childOutput;
        Remeasure = remeasure ?? ((assembly, name) => ChildProcessMeasurer.Measure(assembly, name, TimeSpan.FromMinutes(2)));
        PairedProcessRunner = pairedProcess ?? (request => PairedProcess.Measure(request, PairedProcessTimeout));
        _resolveBaselineCode = baselineCode ?? ResolveBaselineCode;
        _dirtyNote = new Lazy<string>(DirtyTreeNote);
        _baselines = new Lazy<BaselineLoadResult>(() => _store.Load(options!.BaselinePath));
        Problem = problem ?? (options is { Mode: PerfMode.Gate or PerfMode.Record } && childOutput is null ? BaselineProblem() : null);
    }

    /// <summary>The session of this test run.</summary>
    public static PerfSession Current => s_override.Value ?? s_process.Value;

    /// <summary>Uses <paramref name="session"/> instead of the process's session in this async flow until disposed (for the framework's tests).</summary>
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

    /// <summary>Set in a child process started to re-measure one benchmark: where to write its samples.</summary>
    public string? ChildOutput { get; }

    /// <summary>Re-measures (assembly path, full test name) in a fresh process.</summary>
    public Func<string, string, (Remeasurement?, string?)> Remeasure { get; }

    /// <summary>Runs one paired process: the child's result, or why it failed.</summary>
    public Func<PairedRequest, (PairedChildResult?, string?)> PairedProcessRunner { get; }

    /// <summary>
    /// The baseline's code for the perf assembly at <paramref name="assemblyPath"/>, decided (and built, when needed)
    /// once per run; only the gate mode asks.
    /// </summary>
    public BaselineCode BaselineCodeFor(string assemblyPath) =>
        _baselineCode.GetOrAdd(assemblyPath, path => new Lazy<BaselineCode>(() => Resolve(path))).Value;

    private BaselineCode Resolve(string assemblyPath)
    {
        try
        {
            return _resolveBaselineCode(assemblyPath);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return BaselineCode.Unbuildable($"the baseline's code could not be prepared: {e.GetType().Name}: {e.Message}", null);
        }
    }

    public bool InconclusiveAsFailure => Options?.InconclusiveAsFailure ?? false;

    public IReadOnlyCollection<BenchmarkResult> Results => _results.ToArray();

    /// <summary>The engine settings that change numbers, part of the machine profile.</summary>
    public static string EngineSettingsFingerprint => $"reference={QuadraticFormReference.ReferenceName};tieredPGO={(AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var pgo) ? pgo : "default")};gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";

    /// <summary>Applies the run's mode to one measured benchmark: compare (gate), record, or nothing (measure).</summary>
    public GateOutcome Evaluate(BenchmarkResult result, double thresholdOverride, string assemblyPath)
    {
        var options = Options!;
        var threshold = double.IsNaN(thresholdOverride) ? options.Threshold : thresholdOverride;
        var median = result.Time.Median;
        switch (options.Mode)
        {
            case PerfMode.Measure:
                return new GateOutcome(Verdict.NotCompared, $"{result.Name}: measured only (mode measure)", null, null, null, threshold, null, median);
            case PerfMode.Record:
                return Record(result, threshold);
        }
        if (!result.IsTrustworthy)
            return new GateOutcome(Verdict.Inconclusive, VerdictMessage.Plain(result.Name, Verdict.Inconclusive, $"not trustworthy, not gated: {string.Join("; ", result.TrustIssues)}"),
                null, null, null, threshold, null, median);
        var code = BaselineCodeFor(assemblyPath);
        if (code.IsAvailable)
            return PairedComparison.Decide(result, code, assemblyPath, new PairedPolicy { Threshold = threshold }, PairedProcessRunner);
        if (code.IsConfigurationError || code.IsBuildFailure)
            return new GateOutcome(Verdict.Inconclusive, VerdictMessage.Plain(result.Name, Verdict.Inconclusive, code.Reason!), null, null, null, threshold, null, median)
            {
                Baseline = code.Description,
                BaselineCommit = code.Commit,
            };

        var loaded = _baselines.Value;
        if (loaded.Status == BaselineLoadStatus.Missing)
            return new GateOutcome(Verdict.Inconclusive, VerdictMessage.Plain(result.Name, Verdict.Inconclusive,
                $"nothing to compare with: there is no baseline code ({code.Reason}) and no baselines file at {options.BaselinePath}"), null, null, null, threshold, null, median);
        var document = loaded.DocumentOrEmpty ?? BaselineDocument.Empty;
        var started = Stopwatch.GetTimestamp();
        var outcome = RegressionGate.Decide(result, document.Find(Profile.Id, result.FullName), document.FindOnOtherProfiles(Profile.Id, result.FullName),
            Profile, new GatePolicy { Threshold = threshold }, () => Remeasure(assemblyPath, result.FullName), code.Reason);
        return outcome with { ComparisonSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
    }

    public void Collect(BenchmarkResult result) => _results.Enqueue(result);

    /// <summary>The latest baseline samples (ns/op) on this profile per benchmark, for the distribution charts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> BaselineSamples()
    {
        var samples = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        if (Options is null || _baselines.Value.Document is not { } document) return samples;
        foreach (var result in Results)
            if (document.Find(Profile.Id, result.FullName) is { } baseline)
                samples[result.FullName] = baseline.Latest.Samples;
        return samples;
    }

    /// <summary>Called once when the test run ends: writes the run-level reports and appends the run to the history.</summary>
    public IReadOnlyList<string> Complete(string suiteName) =>
        Options is null || ChildOutput is not null || Interlocked.Exchange(ref _completed, 1) == 1
            ? []
            : RunCompletion.Write(this, suiteName);

    /// <summary>The commit the run measured: the setting, else GITHUB_SHA, else git, else null.</summary>
    public string? Commit => Options?.Commit ?? Environment.GetEnvironmentVariable("GITHUB_SHA") ?? Git("rev-parse", "HEAD");

    /// <summary>The branch, from GITHUB_REF_NAME or git, or null.</summary>
    public string? Branch => Environment.GetEnvironmentVariable("GITHUB_REF_NAME") ?? Git("rev-parse", "--abbrev-ref", "HEAD");

    private GateOutcome Record(BenchmarkResult result, double threshold)
    {
        var median = result.Time.Median;
        if (!result.IsTrustworthy)
            return new GateOutcome(Verdict.Inconclusive, $"{result.Name}: not recorded, not trustworthy: {string.Join("; ", result.TrustIssues)}", null, null, null, threshold, null, median);
        var recorded = _store.Record(Options!.BaselinePath, Profile, [result], Commit, Options.KeepRecordings);
        if (!recorded.Succeeded)
            return new GateOutcome(Verdict.Inconclusive, $"{result.Name}: not recorded: {recorded.Error}", null, null, null, threshold, null, median);
        var count = _store.Load(Options.BaselinePath).Document?.Find(Profile.Id, result.FullName)?.Recordings.Count ?? 0;
        return new GateOutcome(Verdict.NotCompared,
            string.Create(CultureInfo.InvariantCulture,
                $"{result.Name}: recorded in {Options.BaselinePath} for profile {Profile.Id} ({count} recording(s) kept){_dirtyNote.Value}; the gate measures the code of the recordings' commit beside the current code, and falls back to these numbers only when that commit cannot be had (no git, a shallow clone)"),
            null, null, null, threshold, null, median);
    }

    /// <summary>
    /// Recordings name the commit they measured, and the paired gate later builds that commit as the baseline: when the
    /// working tree differs from it (other than the baselines file), what was measured is not what will be built.
    /// </summary>
    private string DirtyTreeNote()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(Options!.BaselinePath))!;
        var status = Pairing.Git.Run(directory, "status", "--porcelain", "--untracked-files=no", "--no-renames");
        if (!status.Succeeded || Commit is not { } commit) return "";
        var baselines = Path.GetRelativePath(Git("rev-parse", "--show-toplevel") ?? directory, Path.GetFullPath(Options.BaselinePath)).Replace('\\', '/');
        var changed = status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Length < 4 || line[3..].Trim('"') != baselines).ToArray();
        return changed.Length == 0
            ? ""
            : $"; note: the recordings name commit {Pairing.BaselineCode.Short(commit)}, but the working tree has uncommitted changes ({changed.Length} file(s)), so the gate will build that commit, not what was measured: commit the change, then record";
    }

    private BaselineCode ResolveBaselineCode(string assemblyPath)
    {
        var loaded = _baselines.Value;
        return BaselineCodeResolver.Resolve(Options!.BaselineRef, loaded.Document, Profile.Id, assemblyPath, Progress);
    }

    /// <summary>A line the person running the suite sees while it runs (the adapter shows NUnit's progress stream live).</summary>
    private static void Progress(string line)
    {
        try { NUnit.Framework.TestContext.Progress.WriteLine(line); }
        catch (Exception e) when (e is InvalidOperationException or IOException) { Console.Error.WriteLine(line); }
    }

    private string? BaselineProblem()
    {
        var loaded = _baselines.Value;
        return loaded.Status == BaselineLoadStatus.Invalid
            ? $"{loaded.Error}. The file was left untouched; fix or restore it (git checkout -- baselines.json)."
            : null;
    }

    private string? Git(params string[] arguments)
    {
        var root = Options is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(Options.BaselinePath))!;
        var result = Pairing.Git.Run(root, TimeSpan.FromSeconds(10), arguments);
        return result.Succeeded && result.Output.Length > 0 ? result.Output : null;
    }

    private static PerfSession FromEnvironment()
    {
        var childOutput = Environment.GetEnvironmentVariable(ChildProcessEntry.OutputVariable);
        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var testParameters = NUnit.Framework.TestContext.Parameters;
        foreach (var name in testParameters.Names)
            parameters[name] = testParameters[name];
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
        var loaded = PerfOptionsLoader.Load(parameters, environment: null, root);
        var profile = MachineProfile.Detect(EngineSettingsFingerprint, loaded.Options?.MachineProfile);
        return new PerfSession(loaded.Options, loaded.IsValid ? null : loaded.ErrorMessage, profile, childOutput);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
