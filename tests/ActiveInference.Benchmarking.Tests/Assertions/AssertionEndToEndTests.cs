using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Fixtures.Assertions;
using NUnit.Framework;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;

namespace ActiveInference.Benchmarking.Tests.Assertions;

/// <summary>
/// The assertion fixtures run through the real NUnit engine (in measure mode, no baselines): each benchmark's
/// assertions are checked after measurement and decide its NUnit result. The effects are large (zero versus 280
/// bytes, a forced collection per call versus none, ratios of 2 and 4 against limits of 2 and 4 the other way); nothing here depends on absolute time.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class AssertionEndToEndTests
{
    private readonly Dictionary<string, ITestResult> _results = new(StringComparer.Ordinal);
    private string _directory = "";

    [OneTimeSetUp]
    public void RunTheFixtures()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ai-assertion-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var options = new PerfOptions
        {
            Mode = PerfMode.Measure,
            BaselinePath = Path.Combine(_directory, "baselines.json"),
            ResultsDirectory = Path.Combine(_directory, "results"),
            HistoryPath = Path.Combine(_directory, "history.db"),
        };
        var profile = new MachineProfile("Test CPU", 2, "Test OS", "10.0", "1.0", "test");
        var session = new PerfSession(options, null, profile);
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(typeof(AssertionFixtures).Assembly, new Dictionary<string, object>());
        var listener = new Collector(_results);
        using (PerfSession.Use(session))
            runner.Run(listener, NUnit.Framework.Internal.TestFilter.FromXml($"<filter><class>{typeof(AssertionFixtures).FullName}</class></filter>"));
    }

    [OneTimeTearDown]
    public void RemoveTheDirectory()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    private ITestResult Result(string name)
    {
        Assert.That(_results, Does.ContainKey(name), $"ran: {string.Join(", ", _results.Keys)}");
        return _results[name];
    }

    [Test]
    public void AZeroAllocationBenchmarkPassesAndSaysSo()
    {
        var result = Result("NoAllocation");
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Success), result.Message);
        Assert.That(result.Output, Does.Contain("assertion Passed: MaxAllocatedBytesPerOperation(0): 0 B/op allocated"));
        Assert.That(result.Output, Does.Contain("assertion Passed: MaxGcCollections(Generation = 2, PerThousandOperations = 0): 0 gen-2"));
    }

    [Test]
    public void AnAllocatingBenchmarkFailsWithMeasuredAndAllowed()
    {
        var result = Result("Allocating");
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
        Assert.That(result.Message, Does.Match(@"1 assertion\(s\) failed: MaxAllocatedBytesPerOperation\(0\): 280 B/op allocated .*allowed at most 0 B/op"));
    }

    [Test]
    public void GarbageFailsTheGen0Limit()
    {
        var result = Result("Garbage");
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
        Assert.That(result.Message, Does.Match(@"MaxGcCollections\(Generation = 0, PerThousandOperations = 0\): \d+ gen-0 collection\(s\) in \d+ operations = 1\d\d\d per 1 000 operations, allowed at most 0"));
    }

    [Test]
    public void FourTimesLessWorkIsAtLeastTwiceAsFast()
    {
        var result = Result("Single");
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Success), result.Message);
        Assert.That(result.Output, Does.Contain("assertion Passed: FasterThan(Quadruple, By = 2): Single takes").And.Contain("the time of Quadruple()"));
    }

    [Test]
    public void HalfTheWorkIsNotFourTimesAsFast()
    {
        var result = Result("Double");
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
        Assert.That(result.Message, Does.Contain("FasterThan(Quadruple, By = 4): Double takes").And.Contain("required at least 4× faster (time ratio ≤ 0.25)"));
    }

    [Test]
    public void TheComparedMethodGetsTheCasesArgumentsOnlyWhereItDeclaresThem()
    {
        var declared = Result("Work(8)");
        Assert.That(declared.ResultState, Is.EqualTo(ResultState.Success), declared.Message);
        Assert.That(declared.Output, Does.Contain("assertion Passed: FasterThan(WorkTimesFour, By = 2): Work(8) takes").And.Contain("the time of WorkTimesFour(8)"));
        var undeclared = Result("Work(16)");
        Assert.That(undeclared.ResultState, Is.EqualTo(ResultState.Success), undeclared.Message);
        Assert.That(undeclared.Output, Does.Contain("assertion NotApplicable: FasterThan(WorkTimesFour, By = 2): not checked for Work(16): WorkTimesFour declares no case with the arguments (16)"));
    }

    [Test]
    public void RecordedMetricsAreBounded()
    {
        var converges = Result("Converges");
        Assert.That(converges.ResultState, Is.EqualTo(ResultState.Success), converges.Message);
        Assert.That(converges.Output, Does.Contain("assertion Passed: MetricAssertion(\"iterations\", Max = 50): iterations = 12, allowed at most 50"));
        Assert.That(converges.Output, Does.Contain("assertion Passed: MetricAssertion(\"result\", Min = 0): result = "));
        var slowly = Result("ConvergesSlowly");
        Assert.That(slowly.ResultState, Is.EqualTo(ResultState.Failure));
        Assert.That(slowly.Message, Does.StartWith("1 assertion(s) failed: MetricAssertion(\"iterations\", Max = 50): iterations = 80, allowed at most 50"));
    }

    [Test]
    public void AnAbsoluteLimitForAnotherMachineEndsInconclusive()
    {
        var result = Result("AbsoluteElsewhere");
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Inconclusive));
        Assert.That(result.Message, Does.Contain("written for machine profile another-machine, this run is on"));
    }

    [Test]
    public void AnInvalidDeclarationFailsBeforeMeasuring()
    {
        var result = Result("MissingComparison");
        Assert.That(result.ResultState, Is.EqualTo(ResultState.Failure));
        Assert.That(result.Message, Does.StartWith("Invalid assertion on MissingComparison: FasterThan(NoSuchMethod, By = 2) on MissingComparison: AssertionFixtures has no method named \"NoSuchMethod\""));
        Assert.That(result.Output, Is.Empty, "nothing was measured");
    }

    private sealed class Collector(Dictionary<string, ITestResult> results) : ITestListener
    {
        public void TestStarted(ITest test) { }

        public void TestFinished(ITestResult result)
        {
            if (!result.Test.IsSuite) results[result.Name] = result;
        }

        public void TestOutput(TestOutput output) { }

        public void SendMessage(TestMessage message) { }
    }
}
