using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// The work of one re-measuring child process (the recorded-numbers fallback): one copy of the current build's
/// benchmark, sampled by <see cref="PairedSampler"/> with the in-process engine's settings and time limit, and the
/// reference and state probes timed before every sample (through the sample set-up; the engine times them right after
/// one, which reads the same machine state to within a sample).
/// </summary>
internal static class RemeasureChild
{
    /// <summary>Measures <paramref name="request"/>'s benchmark; the result holds the samples, or why there are none.</summary>
    public static RemeasureResult Measure(RemeasureRequest request)
    {
        var random = new Random(request.Seed);
        BenchmarkCopy copy;
        try
        {
            var build = SideBuild.Read(Side.Current, request.Directory, request.EntryAssembly);
            copy = BenchmarkCopy.Create(build, 0, request.FullName);
        }
        catch (Exception e) when (e is PairingException or MissingBenchmarkException)
        {
            return new RemeasureResult(null, e.Message);
        }
        var attribute = PairedChild.SettingsOf(copy);
        var engine = attribute.ToEngineSettings();
        var probes = attribute.Reference == ReferenceKind.Compute ? Probes(engine.MinSampleTime) : [];
        var readings = new List<double[]>();
        var workload = probes.Length == 0 ? copy.Workload : copy.Workload with
        {
            SampleSetup = () =>
            {
                readings.Add([.. probes.Select(p => p.Time())]);
                copy.Workload.SampleSetup?.Invoke();
            },
        };
        var sampler = new PairedSampler(new PairedSamplerSettings
        {
            MinSampleTime = engine.MinSampleTime,
            OperationsPerSample = engine.OperationsPerSample,
            WarmupTime = engine.WarmupTime,
            // Within the benchmark's TimeLimit as in process: a quarter (at most 2 s) for the warm-up, the rest for
            // rounds of about two minimum samples (the benchmark's, then the reference's half and the probes' quarters).
            MaxWarmupTime = engine.WarmupTime > WarmupBudget(engine) ? engine.WarmupTime : WarmupBudget(engine),
            MeasurementTime = engine.MinMeasurementTime,
            MinRounds = engine.Iterations,
            MaxRounds = Math.Clamp((int)(engine.TimeLimit * 0.75 / (2 * engine.MinSampleTime)), engine.Iterations, engine.MaxIterations),
        }, StopwatchClock.Instance);
        PairedSamples samples;
        try
        {
            samples = sampler.Run([new PairedWorkload(Side.Current, 0, workload)], random);
        }
        catch (CopyFailedException e)
        {
            return new RemeasureResult(null, e.Message);
        }
        finally
        {
            copy.TearDown();
        }
        return new RemeasureResult(Samples(samples.Copies[0], Quantile.Median(samples.OverheadNanosecondsPerOperation), probes, readings), null);
    }

    /// <summary>
    /// The samples with the empty loop's median cost subtracted (as the engine does), and per probe its time before each
    /// measured sample: the last of the readings, one per sample set-up (the pilot and warm-up ones come first).
    /// </summary>
    internal static Remeasurement Samples(CopySamples copy, double overhead, IReadOnlyList<ProbeBatch> probes, IReadOnlyList<double[]> readings)
    {
        var times = copy.NanosecondsPerOperation.Select(ns => Math.Max(0, ns - overhead)).ToArray();
        var measured = readings.Skip(readings.Count - Math.Min(readings.Count, times.Length)).ToArray();
        var state = probes.Count == 0 || measured.Length != times.Length ? null
            : probes.Select((p, k) => (p.Name, Times: measured.Select(r => r[k]).ToArray())).ToDictionary(p => p.Name, p => p.Times, StringComparer.Ordinal);
        return new Remeasurement(times, SummaryCalculator.MiddleValue(copy.AllocatedBytesPerOperation), state);
    }

    private static TimeSpan WarmupBudget(EngineSettings engine) => engine.TimeLimit / 4 < TimeSpan.FromSeconds(2) ? engine.TimeLimit / 4 : TimeSpan.FromSeconds(2);

    /// <summary>The reference (batches of half a minimum sample) and the state probes (a quarter each), as the engine times them.</summary>
    private static ProbeBatch[] Probes(TimeSpan minSampleTime)
    {
        ISideWorkload reference = new QuadraticFormReference();
        return [ProbeBatch.Piloted(reference, minSampleTime / 2), .. StateProbes.CreateDefault().Select(p => ProbeBatch.Piloted(p, minSampleTime / 4))];
    }
}
