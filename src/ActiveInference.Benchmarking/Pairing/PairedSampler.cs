using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Measures copies of both sides in one process, round by round in a fresh random order (with the empty loop), after a
/// shared pilot and warm-up rounds. Its stages are the engine's (<see cref="PilotStage"/>, <see cref="WarmupStage"/>,
/// <see cref="FixedRoundsRule"/>, <see cref="SampleTimer"/>) with the paired parameters. Knows nothing of NUnit or processes.
/// </summary>
/// <param name="settings">How long and how often.</param>
/// <param name="clock">The timer.</param>
/// <param name="compiledMethods">The JIT's count of compiled methods (warm-up ends when it stops rising).</param>
/// <param name="collect">A gen-0 collection, made before every sample of a benchmark that allocates: the copies share one
/// heap, so without it a collection that one copy's allocations made due lands in whichever sample runs next (an A/A of
/// VectorBatch, 800 kB a call, read +34% over 11 processes); with it each sample starts from an empty gen 0 and pays
/// for its own allocations only.</param>
internal sealed class PairedSampler(PairedSamplerSettings settings, IClock clock, Func<long>? compiledMethods = null, Action? collect = null)
{
    private readonly Func<long> _compiledMethods = compiledMethods ?? (() => System.Runtime.JitInfo.GetCompiledMethodCount());
    private readonly Action _collect = collect ?? (() => GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: false));
    private Side _running;
    private bool _allocates;

    /// <summary>Measures <paramref name="copies"/>; an exception from a copy comes out as a <see cref="CopyFailedException"/>.</summary>
    public PairedSamples Run(IReadOnlyList<PairedWorkload> copies, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfZero(copies.Count);
        try
        {
            return Measure(copies, random);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CopyFailedException(_running, e);
        }
    }

    private PairedSamples Measure(IReadOnlyList<PairedWorkload> copies, Random random)
    {
        var started = clock.Timestamp();
        var operations = settings.OperationsPerSample > 0 ? settings.OperationsPerSample : Pilot(copies, random);
        var (warmupRounds, roundSeconds) = Warmup(copies, ref operations, random);
        var warmedUp = clock.Timestamp();
        var stop = FixedRoundsRule.ToFill(settings.MeasurementTime, roundSeconds, settings.MinRounds, settings.MaxRounds);
        var rounds = stop.Count;

        var times = copies.Select(_ => new double[rounds]).ToArray();
        var bytes = copies.Select(_ => new double[rounds]).ToArray();
        var gen0 = new int[copies.Count];
        var overhead = new double[rounds];
        var order = Enumerable.Range(-1, copies.Count + 1).ToArray();
        for (var round = 0; !stop.ShouldStop(round, (clock.Timestamp() - warmedUp) * 1e9 / clock.Frequency); round++)
        {
            random.Shuffle(order);
            foreach (var k in order)
            {
                if (k < 0)
                {
                    overhead[round] = SampleTimer.Time(clock, copies[round % copies.Count].Workload.Overhead, operations).Nanoseconds / operations;
                    continue;
                }
                var workload = copies[k].Workload;
                _running = copies[k].Side;
                workload.SampleSetup?.Invoke();
                if (_allocates) _collect();
                var gcBefore = GC.CollectionCount(0);
                var (ns, allocated) = SampleTimer.Time(clock, workload.Run, operations);
                gen0[k] += GC.CollectionCount(0) - gcBefore;
                times[k][round] = ns / operations;
                bytes[k][round] = (double)allocated / operations;
            }
        }
        var samples = copies.Select((c, k) => new CopySamples(c.Side, c.Index, times[k], bytes[k], gen0[k])).ToArray();
        return new PairedSamples(operations, overhead, samples, warmupRounds, Seconds(started, warmedUp), Seconds(warmedUp, clock.Timestamp()));
    }

    /// <summary>Doubles the calls per sample of every copy until its sample lasts the minimum; the fastest copy sets the count.</summary>
    private long Pilot(IReadOnlyList<PairedWorkload> copies, Random random)
    {
        var minimum = settings.MinSampleTime.TotalSeconds * 1e9;
        var fastest = double.PositiveInfinity;
        foreach (var k in Shuffled(copies.Count, random))
        {
            var workload = copies[k].Workload;
            _running = copies[k].Side;
            var pilot = new PilotStage(minimum, warmupNanoseconds: 0, window: 1, maxGrowth: 2, maxOperations: 1L << 40);
            do workload.SampleSetup?.Invoke();
            while (!pilot.Add(SampleTimer.Time(clock, workload.Run, pilot.Operations).Nanoseconds, 0));
            fastest = Math.Min(fastest, pilot.FastestNanosecondsPerOperation);
        }
        return PilotStage.CallsFor(minimum, fastest);
    }

    /// <summary>
    /// Warm-up rounds until the JIT is quiet (calls per sample scaled up while samples are too short); returns their
    /// count and the last round's seconds.
    /// </summary>
    private (int Rounds, double RoundSeconds) Warmup(IReadOnlyList<PairedWorkload> copies, ref long operations, Random random)
    {
        var minimum = settings.MinSampleTime.TotalSeconds;
        var started = clock.Timestamp();
        var warmup = new WarmupStage(settings.MinWarmupRounds, settings.WarmupTime.TotalSeconds, settings.MaxWarmupTime.TotalSeconds, untilSpeedSettles: false);
        warmup.Start(_compiledMethods());
        var roundSeconds = 0.0;
        for (var round = 1; ; round++)
        {
            var t0 = clock.Timestamp();
            var shortest = double.PositiveInfinity;
            var allocated = 0L;
            foreach (var k in Shuffled(copies.Count, random))
            {
                _running = copies[k].Side;
                copies[k].Workload.SampleSetup?.Invoke();
                var s0 = clock.Timestamp();
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                copies[k].Workload.Run(operations);
                allocated += GC.GetAllocatedBytesForCurrentThread() - a0;
                shortest = Math.Min(shortest, Seconds(s0, clock.Timestamp()));
                copies[k].Workload.Overhead(operations);
            }
            _allocates = allocated > 0;
            roundSeconds = Seconds(t0, clock.Timestamp());
            warmup.Add(_compiledMethods());
            var elapsed = Seconds(started, clock.Timestamp());
            if (warmup.TimeIsUp(elapsed)) return (round, roundSeconds);
            if (settings.OperationsPerSample == 0 && shortest < minimum / 2)
            {
                operations = Math.Max(operations + 1, (long)Math.Ceiling(operations * minimum / Math.Max(shortest, 1e-9)));
                continue;
            }
            if (warmup.HasSettled(elapsed)) return (round, roundSeconds);
        }
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private double Seconds(long from, long to) => (to - from) / clock.Frequency;
}
