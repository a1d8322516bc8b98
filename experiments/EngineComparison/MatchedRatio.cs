using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace EngineComparison;

/// <summary>
/// engine/BDN compared in matching machine states with the gate's own matching (<see cref="StateMatching"/>): each
/// engine run's samples against the median of the 15 BDN iterations, pooled over all rounds, whose reference and
/// probe times are all within 12% of the sample's own, and each BDN run's iterations against the pooled engine samples
/// the same way. Pooling is what the gate does with its recordings: one ~1 s run seldom meets one ~5 s run in the
/// same state (the memory probe alone wanders 70–145 µs between them). Ratio = exp((median engine-run shift −
/// median BDN-run shift) / 2), null when no run of one of the tools matched.
/// </summary>
internal sealed record MatchedRatio(double Ratio, double[] EngineShifts, double[] BdnShifts, int Runs)
{
    public static MatchedRatio? Compute(IReadOnlyList<StateLog> engine, IReadOnlyList<StateLog> bdn)
    {
        var probes = engine.Concat(bdn).Select(l => (IEnumerable<string>)l.State.Keys).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        if (probes.Length == 0) return null;
        var engineRuns = engine.Select(l => Samples(l, probes)).ToArray();
        var bdnRuns = bdn.Select(l => Samples(l, probes)).ToArray();
        var enginePool = engineRuns.SelectMany(r => r).ToArray();
        var bdnPool = bdnRuns.SelectMany(r => r).ToArray();
        var engineShifts = Shifts(bdnPool, engineRuns);
        var bdnShifts = Shifts(enginePool, bdnRuns);
        if (engineShifts.Length == 0 || bdnShifts.Length == 0) return null;
        return new MatchedRatio(Math.Exp((Quantile.Of(engineShifts, 0.5) - Quantile.Of(bdnShifts, 0.5)) / 2), engineShifts, bdnShifts, engine.Count);
    }

    private static double[] Shifts(StateSample[] pool, StateSample[][] runs) =>
        runs.Select(r => StateMatching.Estimate(pool, r)).Where(s => s is not null).Select(s => s!.Shift).ToArray();

    private static StateSample[] Samples(StateLog log, string[] probes) =>
        StateMatching.Samples(log.Nanoseconds, log.State.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value), probes);
}
