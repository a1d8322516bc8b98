using System.Diagnostics;
using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// The work of one paired child process: loads copies of each side in random order and measures them with
/// <see cref="PairedSampler"/>, returning the samples or why a side could not be measured.
/// </summary>
internal static class PairedChild
{
    private const int MaxPaddingBytes = 64 * 1024;

    /// <summary>The smallest array the runtime puts on the large-object heap (85,000 bytes), so the padding moves large arrays too.</summary>
    internal const int LargeObjectBytes = 85_000;

    /// <summary>The large-object padding varies over a page: every cache-line and page offset is possible for the arrays after it.</summary>
    private const int MaxLargePaddingBytes = 4096;

    /// <summary>
    /// Two random-size allocations, one on each heap, made before a copy's set-up and kept alive while it is measured, so
    /// the copy's small and large arrays start at random offsets.
    /// </summary>
    internal static byte[][] Padding(Random random) =>
        [new byte[random.Next(MaxPaddingBytes)], new byte[LargeObjectBytes + random.Next(MaxLargePaddingBytes)]];

    public static PairedChildResult Measure(PairedRequest request)
    {
        var random = new Random(request.Seed);
        SideBuild baseline, current;
        try { baseline = SideBuild.Read(Side.Baseline, request.BaselineDirectory, request.EntryAssembly, request.PackagesPerCopy); }
        catch (PairingException e) { return new PairedChildResult(null, false, e.Message, Side.Baseline); }
        try { current = SideBuild.Read(Side.Current, request.CurrentDirectory, request.EntryAssembly, request.PackagesPerCopy); }
        catch (PairingException e) { return new PairedChildResult(null, false, e.Message, Side.Current); }

        var padding = new List<byte[]>();
        var copies = new List<BenchmarkCopy>();
        var setupStarted = Stopwatch.GetTimestamp();
        var copiesPerSide = request.CopiesPerSide;
        var secondCopyStarted = 0L;
        for (var index = 0; index < copiesPerSide; index++)
        {
            SideBuild[] pair = [baseline, current];
            random.Shuffle(pair);
            foreach (var build in pair)
            {
                if (copies.Count == 1) secondCopyStarted = Stopwatch.GetTimestamp();
                if (request.RandomisePlacement) padding.AddRange(Padding(random));
                try
                {
                    copies.Add(BenchmarkCopy.Create(build, index, request.FullName));
                }
                catch (MissingBenchmarkException e) when (build.Side == Side.Baseline || request.BaselineDirectory == request.CurrentDirectory)
                {
                    return new PairedChildResult(null, true, e.Message, Side.Baseline);
                }
                catch (Exception e) when (e is PairingException or MissingBenchmarkException)
                {
                    return new PairedChildResult(null, false, e.Message, build.Side);
                }
            }
            if (index == 0)
            {
                // The first copy also pays for compiling NUnit's builder and this framework; the second shows what a copy costs.
                var pairSeconds = 2 * Stopwatch.GetElapsedTime(secondCopyStarted).TotalSeconds;
                var affordable = (int)Math.Floor(request.SetupBudgetSeconds / Math.Max(pairSeconds, 1e-6));
                copiesPerSide = Math.Clamp(affordable, Math.Min(request.MinCopiesPerSide, copiesPerSide), copiesPerSide);
            }
        }

        var setupSeconds = Stopwatch.GetElapsedTime(setupStarted).TotalSeconds;
        var attribute = SettingsOf(copies.First(c => c.Side == Side.Current));
        var sampler = new PairedSampler(new PairedSamplerSettings
        {
            MinSampleTime = TimeSpan.FromMilliseconds(attribute.MinSampleTimeMilliseconds),
            OperationsPerSample = attribute.OperationsPerSample,
            MeasurementTime = TimeSpan.FromSeconds(request.MeasurementSeconds),
            MinRounds = request.MinRounds,
            MaxRounds = request.MaxRounds,
        }, StopwatchClock.Instance);
        var workloads = copies.OrderBy(c => c.Side).ThenBy(c => c.Index).Select(c => new PairedWorkload(c.Side, c.Index, c.Workload)).ToArray();
        PairedSamples samples;
        try
        {
            samples = sampler.Run(workloads, random);
        }
        catch (CopyFailedException e)
        {
            return new PairedChildResult(null, false, e.Message, e.Side);
        }
        foreach (var copy in copies) copy.TearDown();
        GC.KeepAlive(padding);
        return new PairedChildResult(samples, false, null, null) { SetupSeconds = setupSeconds };
    }

    /// <summary>The copy's <c>[PerfBenchmark]</c> settings (the defaults when it has none).</summary>
    internal static PerfBenchmarkAttribute SettingsOf(BenchmarkCopy copy) =>
        copy.Method.GetCustomAttributes(typeof(PerfBenchmarkAttribute), false).OfType<PerfBenchmarkAttribute>().FirstOrDefault() ?? new PerfBenchmarkAttribute();
}
