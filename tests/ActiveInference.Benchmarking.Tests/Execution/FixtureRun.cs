using System.Collections.Concurrent;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>
/// Runs one fixture class of the Fixtures assembly through the real NUnit engine in this process
/// (<see cref="NUnitTestAssemblyRunner"/> with the default builder, one thread) and keeps what it produced.
/// </summary>
internal sealed class FixtureRun : ITestListener
{
    private readonly ConcurrentQueue<ITestResult> _finished = new();
    private readonly ConcurrentDictionary<string, GatedResult> _collected = new();
    private readonly ConcurrentQueue<TestOutput> _output = new();

    private FixtureRun() { }

    /// <summary>Results of the test cases (not suites) in the order they finished.</summary>
    public IReadOnlyList<ITestResult> Cases => _finished.Where(r => !r.Test.IsSuite).ToArray();

    /// <summary>What the run wrote to the console (the engine's test output events), in order, e.g. the run-end lines on stderr.</summary>
    public IReadOnlyList<TestOutput> Output => _output.ToArray();

    /// <summary>
    /// Runs every test of <paramref name="fixture"/> with <paramref name="session"/> as the run's perf session;
    /// by default an isolated one in mode measure whose files go to a temporary folder.
    /// </summary>
    public static FixtureRun Of(Type fixture, PerfSession? session = null)
    {
        using var _ = PerfSession.Use(session ?? Session(PerfMode.Measure, Path.Combine(Path.GetTempPath(), "perf-e2e-" + Guid.NewGuid().ToString("N"))));
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(fixture.Assembly, new Dictionary<string, object> { ["NumberOfTestWorkers"] = 0 });
        var run = new FixtureRun();
        runner.Run(run, TestFilter.FromXml($"<filter><class>{fixture.FullName}</class></filter>"));
        return run;
    }

    /// <summary>
    /// A perf session in <paramref name="mode"/> whose baselines, results and history live in <paramref name="directory"/>;
    /// it has no baseline code, so a gate compares with the recorded numbers.
    /// </summary>
    public static PerfSession Session(PerfMode mode, string directory, double threshold = PerfOptions.DefaultThreshold)
    {
        var options = new PerfOptions
        {
            Mode = mode,
            Threshold = threshold,
            BaselinePath = Path.Combine(directory, "baselines.json"),
            ResultsDirectory = Path.Combine(directory, "results"),
            HistoryPath = Path.Combine(directory, "results", "perf-history.db"),
        };
        return new PerfSession(options, null, MachineProfile.Detect(EngineFingerprint.Current),
            baselineCode: _ => Pairing.BaselineCode.None("framework test without baseline code"));
    }

    /// <summary>The case with this short name, e.g. <c>Work(20)</c>.</summary>
    public ITestResult Case(string name) =>
        Cases.SingleOrDefault(r => r.Name == name)
        ?? throw new InvalidOperationException($"no test '{name}' ran; ran: {string.Join(", ", Cases.Select(r => r.Name))}");

    /// <summary>What the session collected for this case in this run: the measurement and the gate's verdict on it.</summary>
    public GatedResult Collected(ITestResult testCase) =>
        _collected.TryGetValue(testCase.FullName, out var result)
            ? result
            : throw new InvalidOperationException($"the session collected no result for {testCase.FullName}");

    /// <summary>The <see cref="BenchmarkResult"/> the session collected for this case in this run.</summary>
    public BenchmarkResult Result(ITestResult testCase) => Collected(testCase).Measured;

    /// <summary>The <see cref="BenchmarkResult"/> of the case with this short name in this run.</summary>
    public BenchmarkResult Result(string name) => Result(Case(name));

    /// <summary>The gate's outcome for the case with this short name in this run, or null when no gate ran.</summary>
    public GateOutcome? Gate(string name) => Collected(Case(name)).Gate;

    /// <summary>The parallel scope that applies to a test: its own, or the nearest ancestor's.</summary>
    public static ParallelScope? ParallelScopeOf(ITest test)
    {
        for (var t = test; t is not null; t = t.Parent)
            if (t.Properties.Get(PropertyNames.ParallelScope) is ParallelScope scope) return scope;
        return null;
    }

    void ITestListener.TestStarted(ITest test) { }

    void ITestListener.TestFinished(ITestResult result)
    {
        // The command hands each result to the session just before the test finishes; runs are sequential here.
        if (!result.Test.IsSuite && PerfSession.Current.Results.LastOrDefault(r => r.Measured.FullName == result.FullName) is { } collected)
            _collected[result.FullName] = collected;
        _finished.Enqueue(result);
    }

    void ITestListener.TestOutput(TestOutput output) => _output.Enqueue(output);

    void ITestListener.SendMessage(TestMessage message) { }
}
