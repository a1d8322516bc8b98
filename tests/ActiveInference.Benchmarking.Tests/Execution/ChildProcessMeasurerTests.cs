using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Fixtures;
using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>Re-measuring in a fresh process: the Fixtures assembly (copied here with its runtimeconfig) is started as the child.</summary>
[TestFixture]
[NonParallelizable]
public class ChildProcessMeasurerTests
{
    private static readonly string FixturesPath = typeof(CostFixtures).Assembly.Location;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Test]
    public void MeasureReturnsTheSamplesOfTheNamedBenchmark()
    {
        var (samples, error) = ChildProcessMeasurer.Measure(FixturesPath, typeof(CostFixtures).FullName + ".Work(20)", Timeout);

        Assert.That(error, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(samples!.NanosecondsPerOperation, Has.Length.GreaterThanOrEqualTo(20));
            Assert.That(samples.NanosecondsPerOperation, Has.All.GreaterThan(0));
            Assert.That(samples.StateSamples!.Values, Has.All.Length.EqualTo(samples.NanosecondsPerOperation.Length));
            Assert.That(samples.StateSamples, Has.Count.GreaterThanOrEqualTo(2));
        });
    }

    [Test]
    public void MeasureOfAnUnknownBenchmarkReturnsAnError()
    {
        const string name = "ActiveInference.Benchmarking.Fixtures.CostFixtures.NoSuchBenchmark";

        (Remeasurement? Samples, string? Error) outcome = default;
        Assert.DoesNotThrow(() => outcome = ChildProcessMeasurer.Measure(FixturesPath, name, Timeout));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Samples, Is.Null);
            Assert.That(outcome.Error, Does.Match(@"^child process exited with [1-9]\d*: "), "names the process and its exit code");
            Assert.That(outcome.Error, Does.Contain("NoSuchBenchmark"), "names the benchmark");
        });
    }

    [Test]
    public void MeasureOfAMissingAssemblyReturnsAnError()
    {
        var (samples, error) = ChildProcessMeasurer.Measure(Path.Combine(Path.GetTempPath(), "no-such-perf-tests.dll"), "X.Y", Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(samples, Is.Null);
            // dotnet cannot start it: the message names the child process and the host's exit code (its own text,
            // which follows, is the host's and not ours to pin).
            Assert.That(error, Does.Match(@"^child process exited with [1-9]\d*: \S"));
        });
    }
}
