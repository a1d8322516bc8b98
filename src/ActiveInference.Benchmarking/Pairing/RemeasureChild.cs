using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// The work of one re-measuring child process (the recorded-numbers fallback): one copy of the current build's
/// benchmark, sampled by <see cref="PairedSampler"/> with the in-process engine's settings, and the reference and state
/// probes timed before every sample, as the recordings have them.
/// </summary>
internal static class RemeasureChild
{
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
            MaxWarmupTime = engine.WarmupTime + new PairedSamplerSettings().MaxWarmupTime,
            MeasurementTime = engine.MinMeasurementTime,
            MinRounds = engine.Iterations,
            MaxRounds = engine.MaxIterations,
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

    /// <summary>The reference (batches of half a minimum sample) and the state probes (a quarter each), as the engine times them.</summary>
    private static ProbeBatch[] Probes(TimeSpan minSampleTime)
    {
        ISideWorkload reference = new QuadraticFormReference();
        return [ProbeBatch.Piloted(reference, minSampleTime / 2), .. StateProbes.CreateDefault().Select(p => ProbeBatch.Piloted(p, minSampleTime / 4))];
    }
}
