using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>
/// Runs the live experiment: per kernel a baseline of several recordings (--baseline-processes) spaced in time, then checks of every variant
/// in a shuffled order, each decided by <see cref="RecordedGate"/> with a fresh-process confirmation.
/// </summary>
internal sealed class Runner
{
    public const string FixtureClass = "ActiveInference.Benchmarking.Fixtures.GateExperimentFixtures";
    private const string SlowdownVariable = "GATE_EXPERIMENT_SLOWDOWN";

    private readonly ExperimentOptions _options;
    private readonly string _assembly;
    private readonly List<ProcessRecord> _processes = [];
    private readonly List<CheckRecord> _checks = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Hog _hog = new();
    private readonly MachineProfile _profile = MachineProfile.Detect("gate-experiment");

    /// <summary>The NUnit test name of a kernel: K1, K2, K3 are the 10-, 100- and 1000-dimensional cases.</summary>
    public static string TestName(string kernel) => kernel switch
    {
        "K1" => $"{FixtureClass}.QuadraticForm(10)",
        "K2" => $"{FixtureClass}.QuadraticForm(100)",
        "K3" => $"{FixtureClass}.QuadraticForm(1000)",
        _ => $"{FixtureClass}.{kernel}",
    };

    public Runner(ExperimentOptions options, string assembly)
    {
        _options = options;
        _assembly = assembly;
    }

    public ExperimentData Run()
    {
        var started = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture);
        var loadAtStart = Load();
        Log($"gate experiment: {_assembly}; load {loadAtStart}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _hog.Stop();
        Console.CancelKeyPress += (_, _) => _hog.Stop();

        // Baselines: three rounds over the kernels, a pause between rounds, no hog (a deliberate record run).
        var recordings = _options.Kernels.ToDictionary(k => k, _ => new List<int>());
        for (var round = 0; round < _options.BaselineProcesses; round++)
        {
            if (round > 0 && _options.BaselineGapSeconds > 0) Thread.Sleep(TimeSpan.FromSeconds(_options.BaselineGapSeconds));
            foreach (var kernel in _options.Kernels)
            {
                var p = Measure("baseline", kernel, 0);
                if (p.Error is not null) throw new InvalidOperationException($"baseline of {kernel} failed: {p.Error}");
                recordings[kernel].Add(p.Id);
            }
        }
        var baselines = _options.Kernels.ToDictionary(k => k, k => MakeBaseline(k, recordings[k]));

        var plan = new List<(string Kernel, double Slowdown)>();
        foreach (var kernel in _options.Kernels)
            foreach (var variant in _options.Variants)
                for (var i = 0; i < (variant == 0 ? _options.AaChecks : _options.Checks); i++)
                    plan.Add((kernel, variant));
        var random = new Random(_options.Seed);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(plan));

        for (var i = 0; i < plan.Count; i++)
        {
            var hog = _options.Hog && (i / _options.HogBlock) % 2 == 1;
            if (hog) _hog.Start(); else _hog.Stop();
            var (kernel, slowdown) = plan[i];
            Check(kernel, slowdown, hog, baselines[kernel]);
            var c = _checks[^1];
            Log(string.Create(CultureInfo.InvariantCulture,
                $"check {i + 1}/{plan.Count} {kernel} +{slowdown * 100:0}%{(hog ? " hog" : "")}: {c.Verdict} ratio {c.Ratio:0.000} naive {c.NaiveRatio:0.000}{(c.Confirm is null ? "" : " (suspect re-measured in a fresh process)")}"));
            if ((i + 1) % 20 == 0) Save(Snapshot(started, loadAtStart, recordings));
        }
        _hog.Stop();
        var data = Snapshot(started, loadAtStart, recordings);
        Save(data);
        return data;
    }

    private ExperimentData Snapshot(string started, string loadAtStart, Dictionary<string, List<int>> recordings) =>
        new(started, _profile.Description, loadAtStart, Load(), [.. _processes], [.. _checks],
            recordings.ToDictionary(r => r.Key, r => r.Value.ToArray()));

    private void Save(ExperimentData data)
    {
        if (_options.Samples is null) return;
        var temporary = _options.Samples + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(data));
        File.Move(temporary, _options.Samples, overwrite: true);
    }

    private void Check(string kernel, double slowdown, bool hog, Baseline baseline)
    {
        var first = Measure("check", kernel, slowdown, hog);
        if (first.Error is not null)
        {
            _checks.Add(new CheckRecord(kernel, slowdown, hog, first.Id, null, "Error", null, double.NaN, first.Error));
            return;
        }
        var confirms = new List<int>();
        var outcome = RecordedGate.Decide(ToResult(first), baseline, [], baseline.Profile, new RecordedGatePolicy(), () =>
        {
            var again = Measure("confirm", kernel, slowdown, hog);
            confirms.Add(again.Id);
            return again.Error is null ? (ToSamples(again), null) : (null, again.Error);
        });
        var naive = first.Nanoseconds.Average() / baseline.Recordings.Average(r => r.Time.Mean);
        _checks.Add(new CheckRecord(kernel, slowdown, hog, first.Id, confirms.Count == 0 ? null : confirms[0], outcome.Verdict.ToString(), outcome.Ratio, naive, outcome.Message, [.. confirms]));
    }

    private ProcessRecord Measure(string role, string kernel, double slowdown, bool hog = false)
    {
        Environment.SetEnvironmentVariable(SlowdownVariable, slowdown.ToString("R", CultureInfo.InvariantCulture));
        var startedAt = _clock.Elapsed.TotalSeconds;
        var (samples, error) = ActiveInference.Benchmarking.Pairing.RemeasureProcess.Measure(_assembly, TestName(kernel), TimeSpan.FromMinutes(3));
        var wall = _clock.Elapsed.TotalSeconds - startedAt;
        var record = new ProcessRecord(_processes.Count, role, kernel, slowdown, hog, startedAt, wall,
            samples?.NanosecondsPerOperation ?? [],
            samples is { StateSamples: { } state } && state.TryGetValue(ActiveInference.Benchmarking.Engine.QuadraticFormReference.ReferenceName, out var reference)
                ? samples.NanosecondsPerOperation.Zip(reference, (n, r) => Math.Log(n / r)).Where(double.IsFinite).ToArray() : [], samples?.AllocatedBytesPerOperation ?? double.NaN, error, samples?.StateSamples);
        _processes.Add(record);
        if (role != "check") Log(string.Create(CultureInfo.InvariantCulture, $"  {role} {kernel} +{slowdown * 100:0}%: {wall:0.00} s{(error is null ? "" : " ERROR " + error)}"));
        return record;
    }

    private Baseline MakeBaseline(string kernel, IReadOnlyList<int> ids) =>
        new(TestName(kernel), _profile, ids.Select(id => Recording.From(ToResult(_processes[id]), null)).ToArray());

    /// <summary>The run-level result a gate would see for the samples of one process.</summary>
    public static BenchmarkResult ToResult(ProcessRecord p) => new()
    {
        FullName = TestName(p.Kernel),
        Name = p.Kernel,
        Suite = FixtureClass,
        Time = SummaryCalculator.Summarise(p.Nanoseconds),
        SamplesNanosecondsPerOperation = p.Nanoseconds,
        OperationsPerSample = 1,
        AllocatedBytesPerOperation = p.AllocatedBytesPerOperation,
        Gc = default,
        TotalOperations = p.Nanoseconds.Length,
        Elapsed = TimeSpan.FromSeconds(p.WallSeconds),
        Timestamp = DateTimeOffset.UtcNow,
        StateSamples = p.State?.ToDictionary(s => s.Key, s => (IReadOnlyList<double>)s.Value) ?? new Dictionary<string, IReadOnlyList<double>>(),
    };

    public static Remeasurement ToSamples(ProcessRecord p) => new(p.Nanoseconds, p.AllocatedBytesPerOperation, p.State);

    public static string Load()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private void Log(string line) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:0}s load {Load()}] {line}"));
}
