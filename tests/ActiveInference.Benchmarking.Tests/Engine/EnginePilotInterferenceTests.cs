using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>
/// Interference (preemption, a slow CPU state) only ever makes a pilot sample longer. The pilot must size samples
/// from the undisturbed per-call time, or a loaded machine makes it choose far too few operations per sample.
/// </summary>
[TestFixture]
public sealed class EnginePilotInterferenceTests
{
    private sealed class SyntheticClock : IClock
    {
        public long Ticks;

        public long Timestamp() => Ticks;

        public double Frequency => 1e9;
    }

    [Test]
    public void PilotWhenTwoOfEveryThreeSamplesArePreemptedStillFillsTheMinimumSampleTime()
    {
        const long perCall = 10_000; // 10 µs
        var clock = new SyntheticClock();
        var calls = 0;
        var workload = new Workload(
            Run: n =>
            {
                clock.Ticks += perCall * n;
                if (++calls % 3 != 0) clock.Ticks += 50_000_000; // descheduled for 50 ms
            },
            Overhead: n => clock.Ticks += n);
        var settings = new EngineSettings { MinSampleTime = TimeSpan.FromMilliseconds(1) };

        var run = new ActiveInference.Benchmarking.Engine.BenchmarkEngine(settings, clock).Run(workload, reference: null, [], []);

        Assert.That(run.OperationsPerSample, Is.GreaterThanOrEqualTo(1_000_000 / perCall));
    }
}
