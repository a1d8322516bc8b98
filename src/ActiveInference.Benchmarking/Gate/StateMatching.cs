using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>One sample on the gate's scale: ln(benchmark ns/op) and the ln(ns/op) of each state probe timed next to it.</summary>
/// <param name="LogTime">ln of the benchmark's nanoseconds per operation.</param>
/// <param name="LogState">ln of each probe's nanoseconds per operation, in the order of the probe names used.</param>
internal sealed record StateSample(double LogTime, double[] LogState);

/// <summary>How a process compares with the baseline once each sample is set against baseline samples of a similar machine state.</summary>
/// <param name="Shift">Median over the matched samples of ln(sample ÷ its state-matched baseline time); ln units (0.0953 = +10%).</param>
/// <param name="Residuals">Each matched sample's ln(sample ÷ its state-matched baseline time).</param>
/// <param name="Total">Samples offered.</param>
internal sealed record MatchedShift(double Shift, double[] Residuals, int Total)
{
    /// <summary>Samples that found enough baseline samples in a similar state.</summary>
    public int Matched => Residuals.Length;
}

/// <summary>Compares a benchmark's samples with baseline samples taken in a similar machine state.</summary>
internal static class StateMatching
{
    /// <summary>Baseline samples that set each sample's expected time.</summary>
    public const int Neighbours = 15;

    /// <summary>Largest ln(probe time) difference for the same state (0.12 ≈ 12%); chosen by experiments/GateExperiment (README).</summary>
    public const double Radius = 0.12;

    /// <summary>Smallest share of a process's samples that must be matched for an estimate.</summary>
    public const double MinMatchedFraction = 0.25;

    /// <summary>Smallest number of matched samples for an estimate.</summary>
    public const int MinMatched = 20;

    /// <summary>The probe names every baseline recording and the current result share, in ordinal order; empty when none.</summary>
    public static string[] CommonProbes(IReadOnlyDictionary<string, IReadOnlyList<double>> current, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        var names = current.Keys;
        foreach (var recording in baseline.Recordings)
            names = names.Intersect(recording.StateSamples.Keys, StringComparer.Ordinal);
        var common = names.Order(StringComparer.Ordinal).ToArray();
        return common.Length >= 2 ? common : [];
    }

    /// <summary>The samples of one process on the matching scale; samples with a non-positive time on any side are left out.</summary>
    /// <param name="nanoseconds">The benchmark's ns/op per sample.</param>
    /// <param name="state">Per probe, ns/op per sample, aligned with <paramref name="nanoseconds"/>.</param>
    /// <param name="probes">The probe names to use, in order; each must be in <paramref name="state"/>.</param>
    public static StateSample[] Samples(IReadOnlyList<double> nanoseconds, IReadOnlyDictionary<string, IReadOnlyList<double>> state, IReadOnlyList<string> probes)
    {
        var columns = probes.Select(p => state[p]).ToArray();
        var samples = new List<StateSample>(nanoseconds.Count);
        for (var i = 0; i < nanoseconds.Count; i++)
        {
            if (!(nanoseconds[i] > 0) || columns.Any(c => i >= c.Count || !(c[i] > 0))) continue;
            samples.Add(new StateSample(Math.Log(nanoseconds[i]), columns.Select(c => Math.Log(c[i])).ToArray()));
        }
        return [.. samples];
    }

    /// <summary>The samples of a re-measurement on the matching scale, or empty when it carried no probe times.</summary>
    public static StateSample[] Samples(Remeasurement child, IReadOnlyList<string> probes)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.StateSamples is null || probes.Any(p => !child.StateSamples.ContainsKey(p))) return [];
        return Samples(child.NanosecondsPerOperation, child.StateSamples.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value), probes);
    }

    /// <summary>The samples of each recording of <paramref name="baseline"/>, recording by recording.</summary>
    public static StateSample[][] SamplesByRecording(Baseline baseline, IReadOnlyList<string> probes) =>
        [.. baseline.Recordings.Select(r => Samples(r.Samples, r.StateSamples, probes))];

    /// <summary>
    /// The state-matched shift of <paramref name="current"/> against the pooled <paramref name="baseline"/>, or null when
    /// too few samples (<see cref="MinMatched"/>, <see cref="MinMatchedFraction"/>) found neighbours within <see cref="Radius"/>.
    /// </summary>
    public static MatchedShift? Estimate(IReadOnlyList<StateSample> baseline, IReadOnlyList<StateSample> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Count < Neighbours || current.Count == 0) return null;
        var residuals = new List<double>(current.Count);
        var distances = new double[baseline.Count];
        var order = new int[baseline.Count];
        var nearest = new double[Neighbours];
        foreach (var sample in current)
        {
            for (var j = 0; j < baseline.Count; j++)
            {
                distances[j] = Distance(sample.LogState, baseline[j].LogState);
                order[j] = j;
            }
            Array.Sort(distances, order);
            if (distances[Neighbours - 1] > Radius) continue;
            for (var k = 0; k < Neighbours; k++) nearest[k] = baseline[order[k]].LogTime;
            residuals.Add(sample.LogTime - Quantile.Median(nearest));
        }
        if (residuals.Count < MinMatched || residuals.Count < MinMatchedFraction * current.Count) return null;
        var values = residuals.ToArray();
        return new MatchedShift(Quantile.Median(values), values, current.Count);
    }

    /// <summary>
    /// How far apart whole processes land even in matched states: <paramref name="multiplier"/> robust standard deviations
    /// of each recording's leave-one-out shift, in ln units; 0 with fewer than 5 comparable recordings.
    /// </summary>
    /// <param name="recordings">Each recording's samples (<see cref="SamplesByRecording"/>).</param>
    /// <param name="multiplier">Robust standard deviations that make the floor.</param>
    public static double NoiseFloor(IReadOnlyList<StateSample[]> recordings, double multiplier)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        if (recordings.Count < 5) return 0;
        var shifts = new List<double>();
        for (var i = 0; i < recordings.Count; i++)
        {
            var others = recordings.Where((_, j) => j != i).SelectMany(r => r).ToArray();
            if (Estimate(others, recordings[i]) is { } shift) shifts.Add(shift.Shift);
        }
        if (shifts.Count < 5) return 0;
        return Quantile.RobustSpread(shifts, multiplier);
    }

    private static double Distance(double[] a, double[] b)
    {
        var d = 0.0;
        for (var i = 0; i < a.Length; i++) d = Math.Max(d, Math.Abs(a[i] - b[i]));
        return d;
    }
}
