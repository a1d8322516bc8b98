using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>
/// Emulates an engine whose reference workload is warmed up before measuring: drops each process's samples taken
/// while the reference still ran unoptimised (tier-0) code.
/// </summary>
/// <remarks>
/// In this run the reference (QuadraticFormReference) is first called at the start of the measurement stage, so it
/// runs tier-0 code, 4–6× slower, for roughly the first 40% of the samples, then tiers up. The tier-up is where the
/// median reference time over the next 5 samples falls below 0.45 × its median over the first 5 (a state switch of
/// the machine changes it by at most 2×; tier-0 → tier-1 is 4–6×). Samples from 5 after that point are kept; a
/// process whose reference never drops is kept whole (it was already optimised).
/// </remarks>
internal static class Settling
{
    private const int Window = 5;

    public static ExperimentData Apply(ExperimentData data) =>
        data with { Processes = data.Processes.Select(Settle).ToArray() };

    public static ProcessRecord Settle(ProcessRecord p)
    {
        var n = Math.Min(p.Nanoseconds.Length, p.Normalised.Length);
        if (n < 4 * Window) return p;
        var reference = Enumerable.Range(0, n).Select(i => p.Nanoseconds[i] / Math.Exp(p.Normalised[i])).ToArray();
        var start = Quantile.MedianOrNaN(reference.AsSpan(0, Window).ToArray());
        for (var i = 1; i + Window <= n; i++)
        {
            if (Quantile.MedianOrNaN(reference.AsSpan(i, Window).ToArray()) >= 0.45 * start) continue;
            var keep = i + Window;
            if (n - keep < Window) return p;
            return p with { Nanoseconds = p.Nanoseconds[keep..n], Normalised = p.Normalised[keep..n] };
        }
        return p;
    }

    /// <summary>Fraction of samples a process lost to <see cref="Settle"/>.</summary>
    public static double Dropped(ProcessRecord before, ProcessRecord after) =>
        before.Normalised.Length == 0 ? 0 : 1 - (double)after.Normalised.Length / before.Normalised.Length;
}
