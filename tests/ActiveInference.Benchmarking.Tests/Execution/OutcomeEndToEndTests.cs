using ActiveInference.Benchmarking.Fixtures;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>Benchmarks of every shape and failure through the real NUnit engine: the outcome and the test nodes each must produce.</summary>
[TestFixture]
[NonParallelizable]
public class OutcomeEndToEndTests
{
    [Test]
    public void AThrowingBenchmarkEndsAsErrorWithThatException()
    {
        var result = FixtureRun.Of(typeof(FailingFixtures)).Case(nameof(FailingFixtures.Throws));

        Assert.Multiple(() =>
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Error));
            Assert.That(result.Message, Does.Contain(nameof(InvalidOperationException)).And.Contain(FailingFixtures.Message));
            Assert.That(result.Message, Does.Not.Contain("TargetInvocationException"));
            Assert.That(result.StackTrace, Does.Contain(nameof(FailingFixtures.Throws)));
        });
    }

    [Test]
    public void AnInvalidAttributeMakesTheTestNotRunnableNamingTheBadValueWithoutRunningIt()
    {
        InvalidFixtures.Calls = 0;

        var result = FixtureRun.Of(typeof(InvalidFixtures)).Case(nameof(InvalidFixtures.NoIterations));

        Assert.Multiple(() =>
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.NotRunnable), "found when the test is built, as NUnit does");
            Assert.That(result.Message, Does.Contain("Iterations = 0"));
            Assert.That(InvalidFixtures.Calls, Is.Zero);
        });
    }

    [Test]
    public void AVoidBenchmarkIsMeasured()
    {
        VoidFixtures.Calls = 0;

        var run = FixtureRun.Of(typeof(VoidFixtures));
        var result = run.Case(nameof(VoidFixtures.Fill));

        Assert.Multiple(() =>
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Success), result.Message);
            Assert.That(run.Result(result).Time.N, Is.GreaterThanOrEqualTo(5));
            Assert.That(run.Result(result).CustomMetrics, Does.Not.ContainKey("result"));
            Assert.That(VoidFixtures.Calls, Is.GreaterThan(run.Result(result).TotalOperations));
        });
    }

    [Test]
    public void ValuesParametersGiveOneTestNodePerValue()
    {
        var run = FixtureRun.Of(typeof(ValuesFixtures));

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(r => r.Name), Is.EquivalentTo(new[] { "Sum(8)", "Sum(64)" }));
            Assert.That(run.Cases.Select(r => r.ResultState), Has.All.EqualTo(ResultState.Success));
            Assert.That(run.Cases.Select(r => r.Output), Has.All.Contains("median"));
        });
    }

    [Test]
    public void TestCaseSourceGivesOneTestNodePerCase()
    {
        var run = FixtureRun.Of(typeof(SourceFixtures));

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(r => r.Name), Is.EquivalentTo(new[] { "Repeat(\"ab\",2)", "Repeat(\"xyz\",3)" }));
            Assert.That(run.Cases.Select(r => r.ResultState), Has.All.EqualTo(ResultState.Success));
            Assert.That(run.Cases.Select(r => run.Result(r).CustomMetrics["result"]), Is.EquivalentTo(new[] { 4.0, 9.0 }));
        });
    }

    [Test]
    public void SampleSetupRunsBeforeEverySampleAndCustomMetricsTravelWithTheResult()
    {
        var run = FixtureRun.Of(typeof(SampleSetupFixtures));
        var result = run.Case(nameof(SampleSetupFixtures.Drain));

        Assert.Multiple(() =>
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Success), result.Message);
            Assert.That(run.Result(result).OperationsPerSample, Is.EqualTo(1));
            Assert.That(run.Result(result).CustomMetrics, Does.ContainKey("drained").WithValue(4950.0));
            Assert.That(result.Output, Does.Contain("drained=4950"));
        });
    }
    [Test]
    public void APerCaseSetupGetsTheCaseArgumentsOncePerCaseOutsideTheTiming()
    {
        CaseSetupFixtures.SetupCalls.Clear();

        var run = FixtureRun.Of(typeof(CaseSetupFixtures));

        Assert.Multiple(() =>
        {
            foreach (var size in new[] { 3, 5 })
            {
                var result = run.Case($"Length({size})");
                Assert.That(result.ResultState, Is.EqualTo(ResultState.Success), result.Message);
                Assert.That(run.Result(result).CustomMetrics, Does.ContainKey("result").WithValue((double)size), "the benchmark got the argument the set-up prepared for");
                Assert.That(run.Result(result).AllocatedBytesPerOperation, Is.Zero, "the set-up's allocation is not in the timed calls");
            }
            Assert.That(CaseSetupFixtures.SetupCalls, Is.EquivalentTo(new Dictionary<int, int> { [3] = 1, [5] = 1 }), "once per case, not per sample");
        });
    }

    [Test]
    public void APerCaseSetupWithoutTheBenchmarksParametersFailsTheTestNamingTheSignature()
    {
        MismatchedCaseSetupFixtures.Calls = 0;

        var result = FixtureRun.Of(typeof(MismatchedCaseSetupFixtures)).Case("Measured(3)");

        Assert.Multiple(() =>
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
            Assert.That(result.Message, Does.Contain("Setup = \"Prepare\"").And.Contain("Prepare(Int32)"));
            Assert.That(MismatchedCaseSetupFixtures.Calls, Is.Zero);
        });
    }

    [Test]
    public void ABenchmarkInAnAssemblyBuiltWithoutTheBuildFilesIsNotRunnableNamingTheImport()
    {
        // The attribute applied by hand to a plain method of this assembly (built without the build files): a method
        // marked [PerfBenchmark] here would be discovered, and fail, in the perf run of this assembly.
        var benchmark = new PerfBenchmarkAttribute().BuildFrom(new NUnit.Framework.Internal.MethodWrapper(typeof(WithoutBuildFiles), nameof(WithoutBuildFiles.Sum)), null);

        Assert.Multiple(() =>
        {
            Assert.That(benchmark.RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(benchmark.Properties.Get(NUnit.Framework.Internal.PropertyNames.SkipReason) as string,
                Does.Contain("ActiveInference.Benchmarking.Tests was built without ActiveInference.Benchmarking's build files")
                .And.Contain("<Import Project=\"<repository>/build/PerfTests.targets\" />"));
            Assert.That(PerfBenchmarkAttribute.MissingBuildFiles(typeof(InvalidFixtures).Assembly), Is.Null, "the fixtures import the build files");
        });
    }

    [Test]
    public void ThisTestAssemblyHoldsNoBenchmarkThatThePerfRunWouldDiscover()
    {
        // README command 1 runs every Performance-category test of the solution; this assembly has no build files, so a
        // [PerfBenchmark] here would be NotRunnable and fail that command.
        var benchmarks = typeof(OutcomeEndToEndTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(PerfBenchmarkAttribute), inherit: false))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}");

        Assert.That(benchmarks, Is.Empty, "put benchmarks for the framework's tests in ActiveInference.Benchmarking.Fixtures");
    }

    /// <summary>A plain method of this test assembly, which is built without the build files (no [assembly: PerfSuite]).</summary>
    private sealed class WithoutBuildFiles
    {
        public int Sum() => 1;
    }
}
