using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Execution;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;

namespace ActiveInference.Benchmarking;

/// <summary>
/// Makes a method a performance benchmark: an NUnit test (alone, or with <c>[TestCase]</c>, <c>[TestCaseSource]</c>
/// and <c>[Values]</c>: one test per case) that is measured by the engine, compared with the committed baseline and
/// failed when it regressed. A benchmark is always in category <c>Performance</c> and never runs in parallel.
/// </summary>
/// <example>
/// <code>
/// public void Prepare(int states) => _model = Model.Random(states, seed: 1);   // untimed, once per case
///
/// [PerfBenchmark(Setup = nameof(Prepare))]
/// [TestCase(10), TestCase(100)]
/// public double FreeEnergy(int states) => _model.FreeEnergy();
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PerfBenchmarkAttribute : NUnitAttribute, ISimpleTestBuilder, IImplyFixture, IApplyToTest, IApplyToContext, ITestAction, IWrapTestMethod
{
    /// <summary>The NUnit category every benchmark is in; <c>--filter TestCategory!=Performance</c> leaves them out.</summary>
    public const string Category = "Performance";

    internal const string NonVoidReason = "Method has non-void return value, but no result is expected";

    /// <summary>A benchmark with the default settings (at least 30 samples, at least 5 warm-up samples, 10 s time limit).</summary>
    public PerfBenchmarkAttribute() { }

    /// <summary>A benchmark with the given sample counts and time limit.</summary>
    /// <param name="iterations">Minimum number of measured samples (see <see cref="Iterations"/>).</param>
    /// <param name="warmup">Minimum number of warm-up samples; below 5 counts as 5 (see <see cref="Warmup"/>).</param>
    /// <param name="timeLimitSeconds">Time limit of the measurement stage in seconds (see <see cref="TimeLimit"/>).</param>
    public PerfBenchmarkAttribute(int iterations, int warmup, double timeLimitSeconds)
    {
        Iterations = iterations;
        Warmup = warmup;
        TimeLimit = timeLimitSeconds;
    }

    /// <summary>
    /// Minimum number of measured samples (default 30, at least 1; at most 2000 are taken). <see cref="TimeLimit"/> can
    /// end sampling with fewer, and the result then says so.
    /// </summary>
    public int Iterations { get; set; } = 30;

    /// <summary>
    /// Minimum number of warm-up samples (default 5; below 5 counts as 5); warm-up goes on until the speed settles,
    /// within a budget of a quarter of <see cref="TimeLimit"/>, at most 2 s.
    /// </summary>
    public int Warmup { get; set; } = 5;

    /// <summary>
    /// Time limit of the measurement stage in seconds (default 10); the stage stops there even below <see
    /// cref="Iterations"/> samples, and the result says so.
    /// </summary>
    public double TimeLimit { get; set; } = 10;

    /// <summary>Shortest sample in milliseconds (default 1): the pilot picks operations per sample to reach it.</summary>
    public double MinSampleTimeMilliseconds { get; set; } = 1;

    /// <summary>How long to keep calling the method before measuring, in milliseconds (default 500; tiered JIT needs well over 100 ms).</summary>
    public double WarmupTimeMilliseconds { get; set; } = 500;

    /// <summary>Minimum duration of the measurement stage in milliseconds (default 400).</summary>
    public double MinMeasurementTimeMilliseconds { get; set; } = 400;

    /// <summary>Fixed operations per sample (e.g. 1 with <see cref="SampleSetup"/> for fresh state per call); 0 lets the pilot choose.</summary>
    public long OperationsPerSample { get; set; }

    /// <summary>
    /// Relative regression threshold for this benchmark (0.25 = 25%), overriding the run's threshold; NaN (default)
    /// uses the run's.
    /// </summary>
    public double Threshold { get; set; } = double.NaN;

    /// <summary>Name of a parameterless method of the fixture run before every sample, outside the timing.</summary>
    public string? SampleSetup { get; set; }

    /// <summary>
    /// Name of a fixture method taking the benchmark's parameters, called untimed once per case after <c>[SetUp]</c> (and
    /// for every copy the paired gate measures); null: no per-case set-up.
    /// </summary>
    public string? Setup { get; set; }

    /// <summary>The reference workload timed next to each sample for the gate (default <see cref="ReferenceKind.Compute"/>).</summary>
    public ReferenceKind Reference { get; set; } = ReferenceKind.Compute;

    /// <summary>The engine settings these properties describe; call only after <see cref="Validate"/> found no problem.</summary>
    internal EngineSettings ToEngineSettings() => new()
    {
        Iterations = Iterations,
        WarmupIterations = Warmup,
        TimeLimit = TimeSpan.FromSeconds(TimeLimit),
        MinSampleTime = TimeSpan.FromMilliseconds(MinSampleTimeMilliseconds),
        WarmupTime = TimeSpan.FromMilliseconds(WarmupTimeMilliseconds),
        MinMeasurementTime = TimeSpan.FromMilliseconds(MinMeasurementTimeMilliseconds),
        OperationsPerSample = OperationsPerSample,
    };

    /// <summary>The problems with the attribute's values, each naming the property and value; empty when valid.</summary>
    internal IReadOnlyList<string> Validate()
    {
        // The measuring rules are EngineSettings.Validate's; here only what cannot become EngineSettings, and the threshold.
        var errors = new List<string>();
        foreach (var (name, value, unit, seconds) in new[]
        {
            (nameof(TimeLimit), TimeLimit, " s", TimeLimit),
            (nameof(MinSampleTimeMilliseconds), MinSampleTimeMilliseconds, "", MinSampleTimeMilliseconds / 1000),
            (nameof(WarmupTimeMilliseconds), WarmupTimeMilliseconds, "", WarmupTimeMilliseconds / 1000),
            (nameof(MinMeasurementTimeMilliseconds), MinMeasurementTimeMilliseconds, "", MinMeasurementTimeMilliseconds / 1000),
        })
        {
            if (!(Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)) errors.Add($"{name} = {Invariant(value)}{unit}: must be a finite number");
        }
        if (errors.Count == 0) errors.AddRange(ToEngineSettings().Validate());
        if (!double.IsNaN(Threshold) && !(Threshold >= 0 && Threshold < 100))
            errors.Add($"Threshold = {Invariant(Threshold)}: must be a fraction ≥ 0 (0.10 = 10%), or unset");
        return errors;
    }

    /// <inheritdoc />
    public TestMethod BuildFrom(IMethodInfo method, Test? suite)
    {
        var test = new NUnitTestCaseBuilder().BuildTestMethod(method, suite, null);
        Prepare(test);
        return test;
    }

    /// <inheritdoc />
    public void ApplyToTest(Test test)
    {
        Prepare(test);
        test.Properties.Add(PropertyNames.Category, Category);
        test.Properties.Set(PropertyNames.ParallelScope, ParallelScope.None);
        test.Properties.Set("PerfIterations", Iterations);
        test.Properties.Set("PerfWarmup", Warmup);
        test.Properties.Set("PerfTimeLimitSeconds", TimeLimit);
    }

    /// <inheritdoc />
    public void ApplyToContext(TestExecutionContext context) => context.ParallelScope = ParallelScope.None;

    /// <summary>
    /// Runs before a parameterised benchmark's cases: NUnit builds each case as "not runnable" because the method
    /// returns a value without an expected result; a benchmark's return value is consumed, not asserted.
    /// </summary>
    public ActionTargets Targets => ActionTargets.Suite;

    /// <inheritdoc />
    public void BeforeTest(ITest test)
    {
        foreach (var child in test.Tests)
            if (child is Test t) Prepare(t);
    }

    /// <inheritdoc />
    public void AfterTest(ITest test) { }

    /// <inheritdoc />
    public TestCommand Wrap(TestCommand command) => BenchmarkCommand.For(command, this);

    /// <summary>
    /// Makes a benchmark runnable (its return value is consumed, not asserted), or not runnable with the reason when its
    /// settings are invalid or its assembly lacks the build files: found once, when the test is built, as NUnit does.
    /// </summary>
    private void Prepare(Test test)
    {
        if (test.RunState == RunState.NotRunnable && test.Properties.Get(PropertyNames.SkipReason) as string == NonVoidReason)
        {
            test.RunState = RunState.Runnable;
            test.Properties.Set(PropertyNames.SkipReason, string.Empty);
        }

        if (test.RunState == RunState.NotRunnable)
            return;
        if (Validate() is { Count: > 0 } errors)
            MakeInvalid(test, $"Invalid [PerfBenchmark] on {test.Name}: {string.Join("; ", errors)}");
        else if (test.Method?.MethodInfo.DeclaringType?.Assembly is { } assembly && MissingBuildFiles(assembly) is { } missing)
            MakeInvalid(test, missing);
    }

    // Test.MakeInvalid adds a second skip reason after the empty one set above, and NUnit reports the first.
    private static void MakeInvalid(Test test, string reason)
    {
        test.RunState = RunState.NotRunnable;
        test.Properties.Set(PropertyNames.SkipReason, reason);
    }

    /// <summary>
    /// Why <paramref name="assembly"/> cannot run benchmarks, or null: without the build files (no <c>[assembly: PerfSuite]</c>,
    /// no child-process entry point) nothing writes the reports and the gate's paired processes cannot start.
    /// </summary>
    internal static string? MissingBuildFiles(System.Reflection.Assembly assembly) =>
        assembly.IsDefined(typeof(PerfSuiteAttribute), inherit: false) ? null
            : $"{assembly.GetName().Name} was built without ActiveInference.Benchmarking's build files (no [assembly: PerfSuite]): a PackageReference "
              + "to ActiveInference.Benchmarking brings them; with a ProjectReference, add <Import Project=\"<repository>/build/PerfTests.targets\" /> to the project file";

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
