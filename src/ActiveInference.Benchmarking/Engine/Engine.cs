namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// Runs a <see cref="Workload"/> through the stages jitting → pilot → warmup (with overhead samples interleaved)
/// → measurement (each sample followed by a reference batch, then a batch of each companion) and returns every sample. Knows nothing of NUnit;
/// the stages are small policies and the engine owns the loop.
/// </summary>
public sealed class Engine
{
    private readonly EngineSettings _settings;
    private readonly IClock _clock;

    /// <summary>Creates an engine with the given settings and clock (use <see cref="StopwatchClock.Instance"/> for real runs).</summary>
    public Engine(EngineSettings settings, IClock clock)
    {
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(settings));
        _settings = settings;
        _clock = clock;
    }

    /// <summary>
    /// Measures <paramref name="workload"/>. Exceptions thrown by the benchmark propagate unchanged from the first
    /// call, before anything is timed.
    /// </summary>
    /// <param name="workload">The benchmark loop and its overhead twin.</param>
    /// <param name="reference">Workload timed after each measured sample, or null for none.</param>
    public EngineRun Run(Workload workload, IReferenceWorkload? reference) => Run(workload, reference, []);

    /// <summary>
    /// Measures <paramref name="workload"/> with <paramref name="companions"/> timed after every measured sample (after
    /// the reference), so each sample has a side-by-side time of each companion taken in the same machine state
    /// (relative-speed assertions divide the two). Each companion gets its own calls per batch, chosen like the
    /// reference's, and is called once after every pilot sample so that it is warm (tiered JIT) when measuring;
    /// companion times include their loop's empty-call cost (about a nanosecond per call), which is
    /// not subtracted.
    /// </summary>
    /// <param name="workload">The benchmark loop and its overhead twin.</param>
    /// <param name="reference">Workload timed after each measured sample, or null for none.</param>
    /// <param name="companions">Workloads timed after the reference in every round, in this order; may be empty.</param>
    public EngineRun Run(Workload workload, IReferenceWorkload? reference, IReadOnlyList<IReferenceWorkload> companions)
    {
        ArgumentNullException.ThrowIfNull(companions);
        var started = _clock.Timestamp();
        var all = new List<Measurement>();
        var peak = new PeakHeap();

        workload.SampleSetup?.Invoke();
        all.Add(Time(IterationStage.Jitting, 0, 1, workload.Run));
        workload.Overhead(1);
        reference?.Run(1);
        foreach (var companion in companions) companion.Run(1);

        var operations = _settings.OperationsPerSample > 0
            ? _settings.OperationsPerSample
            : Pilot(workload, companions, all);
        peak.Observe();

        var overhead = Warmup(workload, operations, all);
        peak.Observe();

        var referenceOperations = reference is null ? 0 : PilotReference(reference);
        var companionTimes = companions.Select(c => new CompanionBatch(c, PilotReference(c))).ToArray();
        var stopped = Measure(workload, operations, overhead, reference, referenceOperations, companionTimes, all, peak);

        return new EngineRun(all, operations, overhead, stopped, Seconds(started, _clock.Timestamp()), peak.Bytes, reference?.Name)
        {
            Companions = companionTimes.Select(c => new CompanionSamples(c.Workload.Name, c.Operations, c.Times.ToArray())).ToArray(),
        };
    }

    // Companions get one call after each pilot sample: they warm up by time too (tiered JIT), not only the benchmark.
    private long Pilot(Workload workload, IReadOnlyList<IReferenceWorkload> companions, List<Measurement> all)
    {
        var minSample = _settings.MinSampleTime.TotalSeconds * 1e9;
        var warmupEnd = _settings.WarmupTime.TotalSeconds * 1e9;
        var started = _clock.Timestamp();
        long n = 1;
        var index = 0;
        var recent = new Queue<double>();
        while (true)
        {
            workload.SampleSetup?.Invoke();
            var m = Time(IterationStage.Pilot, index++, n, workload.Run);
            all.Add(m);
            foreach (var companion in companions) companion.Run(1);
            var elapsed = Nanoseconds(started, _clock.Timestamp());
            if (m.Nanoseconds < minSample)
            {
                var scale = m.Nanoseconds <= 0 ? 16 : Math.Clamp(minSample / m.Nanoseconds, 2, 16);
                n = Math.Max(n + 1, (long)Math.Ceiling(n * scale));
                continue;
            }
            recent.Enqueue(m.NanosecondsPerOperation);
            if (recent.Count > 3) recent.Dequeue();
            if (elapsed >= warmupEnd && recent.Count == 3) break;
        }
        var perOperation = Median(recent);
        return Math.Max(1, (long)Math.Ceiling(minSample / Math.Max(perOperation, 1e-3)));
    }

    private double Warmup(Workload workload, long operations, List<Measurement> all)
    {
        var count = Math.Max(_settings.WarmupIterations, 5);
        var overheads = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            workload.SampleSetup?.Invoke();
            all.Add(Time(IterationStage.Warmup, i, operations, workload.Run));
            var o = Time(IterationStage.Overhead, i, operations, workload.Overhead);
            all.Add(o);
            overheads.Add(o.NanosecondsPerOperation);
        }
        return Median(overheads);
    }

    private long PilotReference(IReferenceWorkload reference)
    {
        var minSample = _settings.MinSampleTime.TotalSeconds * 1e9 / 2;
        long n = 1;
        for (var i = 0; i < 40; i++)
        {
            var t0 = _clock.Timestamp();
            reference.Run(n);
            var ns = Nanoseconds(t0, _clock.Timestamp());
            if (ns >= minSample) return n;
            n = ns <= 0 ? n * 16 : Math.Max(n + 1, (long)Math.Ceiling(n * Math.Clamp(minSample / ns, 2, 16)));
        }
        return n;
    }

    private bool Measure(Workload workload, long operations, double overhead, IReferenceWorkload? reference,
        long referenceOperations, CompanionBatch[] companions, List<Measurement> all, PeakHeap peak)
    {
        var started = _clock.Timestamp();
        var minTime = _settings.MinMeasurementTime.TotalSeconds * 1e9;
        var limit = _settings.TimeLimit.TotalSeconds * 1e9;
        var index = 0;
        while (true)
        {
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
            var net = Math.Max(0, m.Nanoseconds - overhead * operations);
            all.Add(m with { Nanoseconds = net, ReferenceNanosecondsPerOperation = referenceNs });
            peak.Observe();
            index++;

            var elapsed = Nanoseconds(started, _clock.Timestamp());
            if (index >= _settings.MaxIterations) return false;
            if (index >= _settings.Iterations && elapsed >= minTime) return false;
            if (elapsed >= limit) return index < _settings.Iterations;
        }
    }

    private Measurement Time(IterationStage stage, int index, long operations, Action<long> action)
    {
        var gcBefore = GcCounts.Current();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var t0 = _clock.Timestamp();
        action(operations);
        var t1 = _clock.Timestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Measurement(stage, index, operations, Nanoseconds(t0, t1), allocated, GcCounts.Current() - gcBefore);
    }

    private double Nanoseconds(long from, long to) => (to - from) * 1e9 / _clock.Frequency;

    private TimeSpan Seconds(long from, long to) => TimeSpan.FromSeconds((to - from) / _clock.Frequency);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private sealed record CompanionBatch(IReferenceWorkload Workload, long Operations)
    {
        public List<double> Times { get; } = [];
    }

    private sealed class PeakHeap
    {
        public long Bytes { get; private set; }

        public void Observe() => Bytes = Math.Max(Bytes, GC.GetTotalMemory(false));
    }
}
