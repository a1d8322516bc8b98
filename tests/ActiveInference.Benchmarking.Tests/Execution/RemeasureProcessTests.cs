using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Fixtures;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>Re-measuring in a fresh process: the Fixtures assembly (copied here with its runtimeconfig) is started as the child.</summary>
[TestFixture]
[NonParallelizable]
public class RemeasureProcessTests
{
    private static readonly string FixturesPath = typeof(CostFixtures).Assembly.Location;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Test]
    public void MeasureReturnsTheSamplesOfTheNamedBenchmarkWithTheStateProbesTimedNextToEach()
    {
        var (samples, error) = RemeasureProcess.Measure(FixturesPath, typeof(CostFixtures).FullName + ".Work(20)", Timeout);

        Assert.That(error, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(samples!.NanosecondsPerOperation, Has.Length.GreaterThanOrEqualTo(20));
            Assert.That(samples.NanosecondsPerOperation, Has.All.GreaterThan(0));
            Assert.That(samples.StateSamples!.Values, Has.All.Length.EqualTo(samples.NanosecondsPerOperation.Length));
            Assert.That(samples.StateSamples.Keys, Is.SupersetOf(new[] { QuadraticFormReference.ReferenceName, "memory-stream-1MiB", "branch-4k" }));
            Assert.That(samples.StateSamples.Values.SelectMany(v => v), Has.All.GreaterThan(0));
        });
    }

    [Test]
    public void MeasureOfAnUnknownBenchmarkReturnsAnErrorNamingIt()
    {
        const string name = "ActiveInference.Benchmarking.Fixtures.CostFixtures.NoSuchBenchmark";

        (Remeasurement? Samples, string? Error) outcome = default;
        Assert.DoesNotThrow(() => outcome = RemeasureProcess.Measure(FixturesPath, name, Timeout));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Samples, Is.Null);
            Assert.That(outcome.Error, Does.StartWith("the re-measuring child process could not measure " + name + ": "));
            Assert.That(outcome.Error, Does.Contain("has no test"));
        });
    }

    [Test]
    public void MeasureOfAMissingAssemblyReturnsAnError()
    {
        var (samples, error) = RemeasureProcess.Measure(Path.Combine(Path.GetTempPath(), "no-such-perf-tests.dll"), "X.Y", Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(samples, Is.Null);
            // dotnet cannot start it: the message names the child process and the host's exit code (its own text,
            // which follows, is the host's and not ours to pin).
            Assert.That(error, Does.Match(@"^the re-measuring child process exited with [1-9]\d*: \S"));
        });
    }

    [Test]
    public void TheProbeTimesOfTheMeasuredSamplesAreTheLastReadingsAndTheOverheadIsSubtracted()
    {
        var copy = new CopySamples(Side.Current, 0, [110, 120, 105], [8, 8, 8], 0);
        var probes = new[] { new ProbeBatch(new NamedProbe("a"), 1), new ProbeBatch(new NamedProbe("b"), 1) };
        double[][] readings = [[99, 99], [1, 2], [3, 4], [5, 6]];

        var samples = RemeasureChild.Samples(copy, 10, probes, readings);

        Assert.Multiple(() =>
        {
            Assert.That(samples.NanosecondsPerOperation, Is.EqualTo(new[] { 100.0, 110, 95 }));
            Assert.That(samples.AllocatedBytesPerOperation, Is.EqualTo(8));
            Assert.That(samples.StateSamples!["a"], Is.EqualTo(new[] { 1.0, 3, 5 }), "the pilot's and warm-up's readings come first and are dropped");
            Assert.That(samples.StateSamples["b"], Is.EqualTo(new[] { 2.0, 4, 6 }));
        });
    }

    [Test]
    public void TooFewProbeReadingsGiveNoStateSamplesRatherThanMisalignedOnes()
    {
        var copy = new CopySamples(Side.Current, 0, [110, 120, 105], [8, 8, 8], 0);

        var samples = RemeasureChild.Samples(copy, 10, [new ProbeBatch(new NamedProbe("a"), 1)], [[1], [2]]);

        Assert.That(samples.StateSamples, Is.Null);
    }

    private sealed class NamedProbe(string name) : ISideWorkload
    {
        public string Name => name;

        public void Run(long operations) { }
    }
}
