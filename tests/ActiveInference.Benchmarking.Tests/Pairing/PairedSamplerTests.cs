using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Tests.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>The paired sampler on a synthetic clock: every duration here is simulated, none is wall-clock time.</summary>
public class PairedSamplerTests
{
    private const double Millisecond = 1e6;

    private static readonly PairedSamplerSettings Defaults = new();

    [Test]
    public void EveryCopyGetsOneSamplePerRoundAndTheEmptyLoopOne()
    {
        var (clock, log) = (new FakeClock(), new List<string>());
        var copies = Copies(clock, log, [100, 110], [120, 130], overhead: 2);

        var samples = Sampler(Defaults, clock).Run(Workloads(copies), new Random(1));

        Assert.That(samples.Rounds, Is.InRange(Defaults.MinRounds, Defaults.MaxRounds));
        Assert.That(samples.Copies.Select(c => (c.Side, c.Index)), Is.EqualTo(copies.Select(c => c.ToWorkload()).Select(w => (w.Side, w.Index))));
        Assert.That(samples.Copies.Select(c => c.NanosecondsPerOperation.Length), Has.All.EqualTo(samples.Rounds));
        Assert.That(samples.OverheadNanosecondsPerOperation, Has.All.EqualTo(2).Within(1e-9), "the empty loop's raw cost, once per round");
        Assert.That(samples.Copies[0].NanosecondsPerOperation, Has.All.EqualTo(100).Within(1e-9));
        Assert.That(samples.Copies[3].NanosecondsPerOperation, Has.All.EqualTo(130).Within(1e-9));
        foreach (var round in MeasuredRounds(log, samples.Rounds, copies.Length))
        {
            Assert.That(round.Where(e => !e.StartsWith('~')), Is.EquivalentTo(copies.Select(c => c.Name)));
            Assert.That(round.Count(e => e.StartsWith('~')), Is.EqualTo(1));
        }
    }

    [Test]
    public void EveryRoundHasAFreshRandomOrder()
    {
        var (clock, log) = (new FakeClock(), new List<string>());
        var copies = Copies(clock, log, [100, 110], [120, 130], overhead: 2);

        var samples = Sampler(Defaults, clock).Run(Workloads(copies), new Random(7));

        var rounds = MeasuredRounds(log, samples.Rounds, copies.Length).Select(r => r.Select(e => e.StartsWith('~') ? "~" : e).ToArray()).ToArray();
        Assert.That(rounds.Select(r => string.Join(' ', r)).Distinct().Count(), Is.GreaterThan(rounds.Length / 2), "orders differ between rounds");
        foreach (var name in copies.Select(c => c.Name).Append("~"))
        {
            var positions = rounds.Select(r => Array.IndexOf(r, name)).Distinct();
            Assert.That(positions, Is.EquivalentTo(Enumerable.Range(0, copies.Length + 1)), $"{name} takes every place in some round");
        }
    }

    [Test]
    public void TheOrderComesFromTheRandomNumberGeneratorItIsGiven()
    {
        string[] Log(int seed)
        {
            var (clock, log) = (new FakeClock(), new List<string>());
            Sampler(Defaults, clock).Run(Workloads(Copies(clock, log, [100, 110], [120, 130], overhead: 2)), new Random(seed));
            return [.. log];
        }

        Assert.That(Log(11), Is.EqualTo(Log(11)), "the same seed, the same order");
        Assert.That(Log(12), Is.Not.EqualTo(Log(11)));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void ThePilotSetsTheCallsPerSampleFromTheFastestCopy(int fastest)
    {
        // Within 2x of each other, so that warm-up keeps the pilot's choice: any copy's samples last at least half the minimum.
        var costs = new double[] { 400, 500, 450, 550 };
        costs[fastest] = 300;
        var clock = new FakeClock();
        var copies = Copies(clock, null, costs[..2], costs[2..]);

        var samples = Sampler(Defaults, clock).Run(Workloads(copies), new Random(3));

        Assert.That(samples.OperationsPerSample, Is.EqualTo(3334), "1 ms ÷ 300 ns, rounded up, the same for every copy");
        Assert.That(samples.Copies.SelectMany(c => c.NanosecondsPerOperation).Select(t => t * samples.OperationsPerSample),
            Has.All.GreaterThanOrEqualTo(Defaults.MinSampleTime.TotalSeconds * 1e9 * 0.999999));
    }

    [Test]
    public void WarmupScalesTheCallsUpWhenSamplesGotTooShortAfterThePilot()
    {
        // Every copy costs 1 µs in the pilot and 10 ns once tiered up at 20 ms: the pilot's 1000 calls would give 10 µs samples.
        var clock = new FakeClock();
        var copies = Copies(clock, null, [1000, 1000], [1000, 1000], tieredTo: 10, tierUpAt: 20 * Millisecond);

        var samples = Sampler(Defaults, clock).Run(Workloads(copies), new Random(5));

        Assert.That(samples.OperationsPerSample, Is.InRange(100_000, 100_001), "1000 calls × (1 ms ÷ 10 µs)");
        Assert.That(samples.Copies.SelectMany(c => c.NanosecondsPerOperation), Has.All.EqualTo(10).Within(1e-9));
    }

    [Test]
    public void FixedOperationsPerSampleAreUsedForEverySampleWithoutPilotOrScaling()
    {
        var (clock, log) = (new FakeClock(), new List<string>());
        // 150 µs samples once tiered up, far under the 1 ms minimum: neither a pilot nor warm-up scaling may change the 3 calls.
        var copies = Copies(clock, log, [100_000, 100_000], [120_000, 120_000], tieredTo: 50_000, tierUpAt: 1 * Millisecond);

        var samples = Sampler(Defaults with { OperationsPerSample = 3 }, clock).Run(Workloads(copies), new Random(5));

        Assert.That(samples.OperationsPerSample, Is.EqualTo(3));
        Assert.That(copies.SelectMany(c => c.Batches), Has.All.EqualTo(3));
        Assert.That(samples.Copies.SelectMany(c => c.NanosecondsPerOperation), Has.All.EqualTo(50_000).Within(1e-9));
    }

    [TestCase(0L)]
    [TestCase(4L)]
    public void TheSampleSetupRunsUntimedBeforeEverySample(long operationsPerSample)
    {
        var clock = new FakeClock();
        var copies = Copies(clock, null, [100, 110], [120, 130], setup: 5 * Millisecond);

        var samples = Sampler(Defaults with { OperationsPerSample = operationsPerSample }, clock).Run(Workloads(copies), new Random(9));

        Assert.That(copies.Select(c => c.StaleRuns), Has.All.EqualTo(0), "pilot, warm-up and measured samples all start fresh");
        Assert.That(copies.Select(c => c.Setups), Is.EqualTo(copies.Select(c => c.Runs)));
        Assert.That(samples.Copies[0].NanosecondsPerOperation, Has.All.EqualTo(100).Within(1e-9), "setup time is not in the sample");
        if (operationsPerSample == 0)
            Assert.That(samples.OperationsPerSample, Is.EqualTo(10_000), "setup time is not in the pilot either");
    }

    [Test]
    public void WarmupLastsAtLeastItsTimeAndRoundsWhenTheJitIsQuiet()
    {
        var clock = new FakeClock();
        var copies = Copies(clock, null, [100, 110], [120, 130]);

        var samples = Sampler(Defaults with { OperationsPerSample = 10_000 }, clock).Run(Workloads(copies), new Random(2));

        Assert.That(samples.WarmupRounds, Is.GreaterThanOrEqualTo(Defaults.MinWarmupRounds));
        Assert.That(samples.WarmupSeconds, Is.GreaterThanOrEqualTo(Defaults.WarmupTime.TotalSeconds));
        Assert.That(samples.WarmupSeconds, Is.LessThan(Defaults.WarmupTime.TotalSeconds + 0.005), "and not a round longer (4.6 ms)");
    }

    [Test]
    public void WarmupGoesOnUntilTheJitHasCompiledNothingForTwoRounds()
    {
        var clock = new FakeClock();
        var copies = Copies(clock, null, [100, 110], [120, 130]);
        // Methods keep being compiled until 300 ms.
        var compiled = () => Math.Min(clock.Now, (long)(300 * Millisecond)) / (long)Millisecond;

        var samples = new PairedSampler(Defaults, clock, compiled).Run(Workloads(copies), new Random(2));

        Assert.That(samples.WarmupSeconds, Is.InRange(0.3, 0.32));
    }

    [Test]
    public void WarmupStopsAtItsMaximumWhenTheJitNeverSettles()
    {
        var clock = new FakeClock();
        var copies = Copies(clock, null, [100, 110], [120, 130]);
        var settings = Defaults with { MaxWarmupTime = TimeSpan.FromMilliseconds(500) };

        var samples = new PairedSampler(settings, clock, () => clock.Now).Run(Workloads(copies), new Random(2));

        Assert.That(samples.WarmupSeconds, Is.InRange(0.5, 0.53), "pilot + 0.5 s of rounds, plus the round that crossed it");
        Assert.That(samples.Rounds, Is.GreaterThanOrEqualTo(settings.MinRounds), "then measures as usual");
    }

    [Test]
    public void WarmupNeedsTwoRoundsToSeeAQuietJitEvenWhenOneRoundIsTheMinimum()
    {
        var clock = new FakeClock();
        var copies = Copies(clock, null, [100, 110], [120, 130]);
        var settings = Defaults with { MinWarmupRounds = 1, WarmupTime = TimeSpan.Zero };

        var samples = Sampler(settings, clock).Run(Workloads(copies), new Random(2));

        Assert.That(samples.WarmupRounds, Is.EqualTo(2));
    }

    [TestCase(0.01, 12)]
    [TestCase(0.1, 50)]
    [TestCase(1.0, 120)]
    public void MeasuredRoundsFillTheMeasurementTimeWithinTheRoundLimits(double seconds, int rounds)
    {
        var clock = new FakeClock();
        var copies = Copies(clock, null, [1 * Millisecond], [1 * Millisecond]);
        var settings = Defaults with { OperationsPerSample = 1, MeasurementTime = TimeSpan.FromSeconds(seconds) };

        var samples = Sampler(settings, clock).Run(Workloads(copies), new Random(4));

        Assert.That(samples.Rounds, Is.EqualTo(rounds), "a round is two 1 ms samples");
        Assert.That(samples.MeasurementSeconds, Is.EqualTo(rounds * 0.002).Within(1e-9));
    }

    [Test]
    public void BytesAllocatedPerCallAreMeasuredPerCopy()
    {
        var clock = new FakeClock();
        FakeCopy[] copies =
        [
            new(Side.Baseline, 0, clock, 1000) { AllocatesPerRun = 1000 },
            new(Side.Current, 0, clock, 1000),
        ];

        var samples = Sampler(Defaults with { OperationsPerSample = 1 }, clock).Run(Workloads(copies), new Random(4));

        Assert.That(samples.Copies[0].AllocatedBytesPerOperation, Has.All.InRange(1000, 1100));
        Assert.That(samples.Copies[1].AllocatedBytesPerOperation, Has.All.EqualTo(0));
    }

    [Test]
    public void NoCopiesIsAnError()
    {
        Assert.That(() => Sampler(Defaults, new FakeClock()).Run([], new Random(1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static PairedSampler Sampler(PairedSamplerSettings settings, FakeClock clock) => new(settings, clock, () => 0);

    [Test]
    public void ABenchmarkThatAllocatesStartsEverySampleFromAFreshGenerationZeroAndOneThatDoesNotNever()
    {
        var clock = new FakeClock();
        var log = new List<string>();
        FakeCopy[] allocating = [new(Side.Baseline, 0, clock, 100, log) { AllocatesPerRun = 4096 }, new(Side.Current, 0, clock, 100, log) { AllocatesPerRun = 4096 }];
        var collections = 0;

        var samples = new PairedSampler(Defaults, clock, () => 0, () => { collections++; log.Add("gc"); }).Run(Workloads(allocating), new Random(2));

        Assert.That(collections, Is.EqualTo(samples.Rounds * allocating.Length), "one gen-0 collection before each copy's sample");
        var measured = log.Skip(log.Count - samples.Rounds * 5).ToArray();
        for (var i = 0; i < measured.Length; i++)
            if (measured[i] is "B0" or "C0") Assert.That(measured[i - 1], Is.EqualTo("gc"), "right before the sample");

        var quiet = 0;
        new PairedSampler(Defaults, clock, () => 0, () => quiet++).Run(Workloads(Copies(clock, null, [100], [100])), new Random(2));
        Assert.That(quiet, Is.Zero, "no allocation, no forced collection");
    }

    private static FakeCopy[] Copies(FakeClock clock, List<string>? log, double[] baseline, double[] current, double overhead = 0,
        double tieredTo = double.NaN, double tierUpAt = 0, double setup = -1)
    {
        FakeCopy Make(Side side, int index, double cost) => new(side, index, clock, cost, log)
        {
            OverheadNanosecondsPerOperation = overhead,
            TieredNanosecondsPerOperation = tieredTo,
            TierUpAtNanoseconds = (long)tierUpAt,
            SetupNanoseconds = setup,
        };
        return [.. baseline.Select((c, i) => Make(Side.Baseline, i, c)), .. current.Select((c, i) => Make(Side.Current, i, c))];
    }

    private static PairedWorkload[] Workloads(FakeCopy[] copies) => [.. copies.Select(c => c.ToWorkload())];

    /// <summary>The log's measured rounds: its last <paramref name="rounds"/> × (copies + 1) entries, a round at a time.</summary>
    private static string[][] MeasuredRounds(List<string> log, int rounds, int copies)
    {
        var size = copies + 1;
        return log.Skip(log.Count - rounds * size).Chunk(size).ToArray();
    }
}
