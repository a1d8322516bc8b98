using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>The engine's pilot and overhead on a <see cref="FakeClock"/> whose time the workload moves: machine behaviour replayed exactly.</summary>
[TestFixture]
public sealed class EngineOnAFakeClockTests
{
    // The overhead subtracted must come from the same period as the measured samples: on this machine the speed
    // flips 2x every 0.1–1 s, so an overhead taken only in the short warmup window can be from the other state.
    [Test]
    public void MeasurementWhenTheCallCostDoublesAfterWarmupSubtractsTheCallCostOfTheMeasuredPeriod()
    {
        const double payload = 16; // ns per call, without the call itself
        var clock = new FakeClock();
        long CallCost() => clock.Now < 550_000_000 ? 2 : 4; // ns: pilot and warmup fast, measurement slow
        var workload = new Workload(
            Run: n => clock.Advance(n * (payload + CallCost())),
            Overhead: n => clock.Advance(n * CallCost()));

        var run = new BenchmarkEngine(new EngineSettings(), clock).Run(workload, reference: null, [], []);

        var perCall = run.Measured.Select(m => m.NanosecondsPerOperation).Order().ToArray();
        Assert.That(perCall[perCall.Length / 2], Is.EqualTo(payload).Within(0.5));
    }

    // Interference (preemption, a slow CPU state) only ever makes a pilot sample longer. The pilot must size samples
    // from the undisturbed per-call time, or a loaded machine makes it choose far too few operations per sample.
    [Test]
    public void PilotWhenTwoOfEveryThreeSamplesArePreemptedStillFillsTheMinimumSampleTime()
    {
        const long perCall = 10_000; // 10 µs
        var clock = new FakeClock();
        var calls = 0;
        var workload = new Workload(
            Run: n =>
            {
                clock.Advance(perCall * n);
                if (++calls % 3 != 0) clock.Advance(50_000_000); // descheduled for 50 ms
            },
            Overhead: n => clock.Advance(n));
        var settings = new EngineSettings { MinSampleTime = TimeSpan.FromMilliseconds(1) };

        var run = new BenchmarkEngine(settings, clock).Run(workload, reference: null, [], []);

        Assert.That(run.OperationsPerSample, Is.GreaterThanOrEqualTo(1_000_000 / perCall));
    }

    // The empty invocation must be called often and early enough to be promoted from tier-0 code before the warmup
    // stage measures it; otherwise the overhead is over-estimated and over-subtracted (measured: ~1.5 ns per call,
    // 10% of a 15 ns kernel). Tiered JIT promotes after 30 calls and a call-counting delay of about 100 ms.
    [Test]
    public void PilotCallsTheEmptyInvocationAtLeast30TimesInItsFirst200Milliseconds()
    {
        var clock = new FakeClock();
        long overheadCallsEarly = 0;
        var workload = new Workload(
            Run: n => clock.Advance(100 * n),
            Overhead: n =>
            {
                if (clock.Now < 200_000_000) overheadCallsEarly += n;
                clock.Advance(2 * n);
            });

        new BenchmarkEngine(new EngineSettings(), clock).Run(workload, reference: null, [], []);

        Assert.That(overheadCallsEarly, Is.GreaterThanOrEqualTo(30));
    }
}
