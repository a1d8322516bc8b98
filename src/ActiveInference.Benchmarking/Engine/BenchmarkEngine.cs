using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// Runs a <see cref="Workload"/> through jitting → pilot → warmup → measurement and returns every sample; the stages'
/// decisions are the shared policies (<see cref="PilotStage"/>, <see cref="WarmupStage"/>, <see cref="SamplesAndTimeRule"/>)
/// that the paired sampler uses too. Knows nothing of NUnit.
/// </summary>
internal sealed class BenchmarkEngine
{
    private readonly EngineSettings _settings;
    private readonly IClock _clock;
    private readonly Func<long> _compiledMethods;

    /// <summary>Creates an engine with the given settings and clock (use <see cref="StopwatchClock.Instance"/> for real runs).</summary>
    /// <param name="settings">How to measure.</param>
    /// <param name="clock">Where time comes from.</param>
    /// <param name="compiledMethods">
    /// Count of methods the JIT has compiled so far, on any thread (default: <see cref="System.Runtime.JitInfo.GetCompiledMethodCount"/>):
    /// warmup goes on while it still rises, because tier-1 code is compiled in the background.
    /// </param>
    public BenchmarkEngine(EngineSettings settings, IClock clock, Func<long>? compiledMethods = null)
    {
        _compiledMethods = compiledMethods ?? (() => System.Runtime.JitInfo.GetCompiledMethodCount());
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(settings));
        _settings = settings;
        _clock = clock;
    }

    /// <summary>
    /// Measures <paramref name="workload"/>; exceptions from the benchmark propagate from the first call, before anything
    /// is timed. After each measured sample come a batch of the reference, of each probe (a quarter of
    /// <see cref="EngineSettings.MinSampleTime"/>, describing the machine state) and of each companion (empty-call cost not subtracted).
    /// </summary>
    /// <param name="workload">The benchmark loop and its overhead twin.</param>
    /// <param name="reference">Workload timed after each measured sample, or null for none.</param>
    /// <param name="companions">Workloads timed after the probes in every round, in this order; may be empty.</param>
    /// <param name="probes">State probes timed after the reference in every round; may be empty.</param>
    public EngineRun Run(Workload workload, ISideWorkload? reference, IReadOnlyList<ISideWorkload> companions,
        IReadOnlyList<ISideWorkload> probes)
    {
        ArgumentNullException.ThrowIfNull(companions);
        ArgumentNullException.ThrowIfNull(probes);
        var started = _clock.Timestamp();
        var all = new List<Measurement>();
        var peak = new PeakHeap();

        workload.SampleSetup?.Invoke();
        all.Add(Time(IterationStage.Jitting, 0, 1, workload.Run));
        workload.Overhead(1);
        reference?.Run(1);
        foreach (var probe in probes) probe.Run(1);
        foreach (var companion in companions) companion.Run(1);

        var operations = _settings.OperationsPerSample > 0
            ? WarmupByTime(workload, _settings.OperationsPerSample, companions)
            : Pilot(workload, companions, all);
        peak.Observe();

        var referenceOperations = reference is null ? 0 : PilotReference(reference);
        Warmup(workload, operations, reference, referenceOperations, all);
        peak.Observe();

        var probeTimes = probes.Select(p => new CompanionBatch(p, PilotReference(p, 4))).ToArray();
        var companionTimes = companions.Select(c => new CompanionBatch(c, PilotReference(c))).ToArray();
        var (stopped, overhead) = Measure(workload, operations, reference, referenceOperations, [.. probeTimes, .. companionTimes], all, peak);

        return new EngineRun(all, operations, overhead, stopped, Seconds(started, _clock.Timestamp()), peak.Bytes, reference?.Name)
        {
            Companions = companionTimes.Select(c => new CompanionSamples(c.Workload.Name, c.Operations, c.Times.ToArray())).ToArray(),
            Probes = probeTimes.Select(c => new CompanionSamples(c.Workload.Name, c.Operations, c.Times.ToArray())).ToArray(),
        };
    }

    // Companions get one call after each pilot sample: they warm up by time too (tiered JIT), not only the benchmark.
    private long Pilot(Workload workload, IReadOnlyList<ISideWorkload> companions, List<Measurement> all)
    {
        var pilot = new PilotStage(_settings.MinSampleTime.TotalSeconds * 1e9, _settings.WarmupTime.TotalSeconds * 1e9, window: 3, maxGrowth: 16);
        var started = _clock.Timestamp();
        var index = 0;
        while (true)
        {
            workload.SampleSetup?.Invoke();
            var n = pilot.Operations;
            var m = Time(IterationStage.Pilot, index++, n, workload.Run);
            all.Add(m);
            // The empty invocation tiers up alongside the benchmark: the warmup stage is far shorter than the
            // call-counting delay, so without this the overhead is measured on tier-0 code and over-subtracted.
            workload.Overhead(n);
            foreach (var companion in companions) companion.Run(1);
            if (pilot.Add(m.Nanoseconds, Nanoseconds(started, _clock.Timestamp()))) return pilot.CallsPerSample;
        }
    }

    /// <summary>
    /// With a fixed sample size there is no pilot to warm up by time: keep running samples (setup included, not
    /// recorded) until <see cref="EngineSettings.WarmupTime"/> has passed, so tiered JIT has replaced tier-0 code.
    /// </summary>
    private long WarmupByTime(Workload workload, long operations, IReadOnlyList<ISideWorkload> companions)
    {
        var warmupEnd = _settings.WarmupTime.TotalSeconds * 1e9;
        var started = _clock.Timestamp();
        while (Nanoseconds(started, _clock.Timestamp()) < warmupEnd)
        {
            workload.SampleSetup?.Invoke();
            workload.Run(operations);
            workload.Overhead(operations);
            foreach (var companion in companions) companion.Run(1);
        }
        return operations;
    }

    /// <summary>
    /// Warmup samples interleaved with overhead samples: at least <see cref="EngineSettings.WarmupIterations"/>, then until
    /// the time relative to the reference stops falling and the JIT has compiled nothing new for three samples; the extra
    /// time is capped at a quarter of the time limit, at most 2 s.
    /// </summary>
    private void Warmup(Workload workload, long operations, ISideWorkload? reference, long referenceOperations, List<Measurement> all)
    {
        var warmup = new WarmupStage(Math.Max(_settings.WarmupIterations, 5), 0, Math.Min(_settings.TimeLimit.TotalSeconds / 4, 2.0),
            untilSpeedSettles: true);
        var started = _clock.Timestamp();
        for (var i = 0; ; i++)
        {
            workload.SampleSetup?.Invoke();
            var m = Time(IterationStage.Warmup, i, operations, workload.Run);
            all.Add(m);
            all.Add(Time(IterationStage.Overhead, i, operations, workload.Overhead));
            var speed = m.NanosecondsPerOperation / ReferenceTime(reference, referenceOperations);
            warmup.Add(_compiledMethods(), speed);
            var elapsed = (_clock.Timestamp() - started) / _clock.Frequency;
            if (warmup.HasSettled(elapsed) || warmup.TimeIsUp(elapsed)) break;
        }
    }

    private double ReferenceTime(ISideWorkload? reference, long operations)
    {
        if (reference is null) return 1;
        var t0 = _clock.Timestamp();
        reference.Run(operations);
        var ns = Nanoseconds(t0, _clock.Timestamp()) / operations;
        return ns > 0 ? ns : 1;
    }

    private long PilotReference(ISideWorkload reference, int fraction = 2)
    {
        var minSample = _settings.MinSampleTime.TotalSeconds * 1e9 / fraction;
        long n = 1;
        for (var i = 0; i < 40; i++)
        {
            var t0 = _clock.Timestamp();
            reference.Run(n);
            var ns = Nanoseconds(t0, _clock.Timestamp());
            if (ns >= minSample) return n;
            n = PilotStage.Grow(n, ns, minSample, maxGrowth: 16);
        }
        return n;
    }

    /// <summary>
    /// Takes the measured samples, each preceded by an overhead sample and followed by the side batches. The overhead
    /// subtracted is the median of this stage's overhead samples, so it spans the same machine states as the samples.
    /// </summary>
    private (bool Stopped, double Overhead) Measure(Workload workload, long operations, ISideWorkload? reference,
        long referenceOperations, CompanionBatch[] companions, List<Measurement> all, PeakHeap peak)
    {
        var first = all.Count;
        var overheadIndex = all.Count(m => m.Stage == IterationStage.Overhead);
        var overheads = new List<double>();
        var stopped = MeasureSamples(workload, operations, reference, referenceOperations, companions, all, overheads, overheadIndex, peak);
        var overhead = Quantile.Median(overheads);
        for (var k = first; k < all.Count; k++)
        {
            if (all[k].Stage != IterationStage.Measurement) continue;
            all[k] = all[k] with { Nanoseconds = Math.Max(0, all[k].Nanoseconds - overhead * all[k].Operations) };
        }
        return (stopped, overhead);
    }

    private bool MeasureSamples(Workload workload, long operations, ISideWorkload? reference,
        long referenceOperations, CompanionBatch[] companions, List<Measurement> all, List<double> overheads, int overheadIndex, PeakHeap peak)
    {
        var started = _clock.Timestamp();
        var rule = new SamplesAndTimeRule(_settings.Iterations, _settings.MaxIterations, _settings.MinMeasurementTime.TotalSeconds * 1e9,
            _settings.TimeLimit.TotalSeconds * 1e9);
        var index = 0;
        while (true)
        {
            var o = Time(IterationStage.Overhead, overheadIndex + index, operations, workload.Overhead);
            overheads.Add(o.NanosecondsPerOperation);
            all.Add(o);
            workload.SampleSetup?.Invoke();
            var m = Time(IterationStage.Measurement, index, operations, workload.Run);
            var referenceNs = double.NaN;
            if (reference is not null)
            {
                var t0 = _clock.Timestamp();
                reference.Run(referenceOperations);
                referenceNs = Nanoseconds(t0, _clock.Timestamp()) / referenceOperations;
            }
            foreach (var companion in companions)
            {
                var t0 = _clock.Timestamp();
                companion.Workload.Run(companion.Operations);
                companion.Times.Add(Nanoseconds(t0, _clock.Timestamp()) / companion.Operations);
            }
            all.Add(m with { ReferenceNanosecondsPerOperation = referenceNs });
            peak.Observe();
            index++;

            if (rule.ShouldStop(index, Nanoseconds(started, _clock.Timestamp()))) return rule.StoppedShort(index);
        }
    }

    private Measurement Time(IterationStage stage, int index, long operations, Action<long> action)
    {
        var gcBefore = GcCounts.Current();
        var (nanoseconds, allocated) = SampleTimer.Time(_clock, action, operations);
        return new Measurement(stage, index, operations, nanoseconds, allocated, GcCounts.Current() - gcBefore);
    }

    private double Nanoseconds(long from, long to) => (to - from) * 1e9 / _clock.Frequency;

    private TimeSpan Seconds(long from, long to) => TimeSpan.FromSeconds((to - from) / _clock.Frequency);

    private sealed record CompanionBatch(ISideWorkload Workload, long Operations)
    {
        public List<double> Times { get; } = [];
    }

    private sealed class PeakHeap
    {
        public long Bytes { get; private set; }

        public void Observe() => Bytes = Math.Max(Bytes, GC.GetTotalMemory(false));
    }
}
