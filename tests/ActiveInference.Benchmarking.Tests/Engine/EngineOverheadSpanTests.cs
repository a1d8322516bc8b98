using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>
/// The overhead subtracted must come from the same period as the measured samples: on this machine the speed
/// flips 2x every 0.1–1 s, so an overhead taken only in the short warmup window can be from the other state.
/// </summary>
[TestFixture]
public sealed class EngineOverheadSpanTests
{
    private sealed class SyntheticClock : IClock
    {
        public long Ticks;

        public long Timestamp() => Ticks;

        public double Frequency => 1e9;
    }

    [Test]
    public void MeasurementWhenTheCallCostDoublesAfterWarmupSubtractsTheCallCostOfTheMeasuredPeriod()
    {
        const double payload = 16; // ns per call, without the call itself
        var clock = new SyntheticClock();
        long CallCost() => clock.Ticks < 550_000_000 ? 2 : 4; // ns: pilot and warmup fast, measurement slow
        var workload = new Workload(
            Run: n => clock.Ticks += n * ((long)payload + CallCost()),
            Overhead: n => clock.Ticks += n * CallCost());

        var run = new ActiveInference.Benchmarking.Engine.BenchmarkEngine(new EngineSettings(), clock).Run(workload, reference: null, [], []);

        var perCall = run.Measured.Select(m => m.NanosecondsPerOperation).Order().ToArray();
        Assert.That(perCall[perCall.Length / 2], Is.EqualTo(payload).Within(0.5));
    }
}
