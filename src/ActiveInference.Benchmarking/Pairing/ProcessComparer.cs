using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Turns one paired process's samples into the gate's <see cref="ProcessComparison"/> (the change, the process's own
/// A/A, the raw medians and bytes).
/// </summary>
internal static class ProcessComparer
{
    /// <summary>Compares the sides of one process's samples.</summary>
    public static ProcessComparison Compare(PairedSamples samples)
    {
        var overhead = Quantile.Median(samples.OverheadNanosecondsPerOperation);
        double[][] Times(Side side) => samples.Copies.Where(c => c.Side == side).OrderBy(c => c.Index)
            .Select(c => c.NanosecondsPerOperation.Select(t => Math.Max(t - overhead, MinimumTime(t))).ToArray()).ToArray();
        var baseline = Times(Side.Baseline);
        var current = Times(Side.Current);
        if (baseline.Length == 0 || current.Length == 0)
            throw new ArgumentException("a paired process needs copies of both sides", nameof(samples));
        var rounds = samples.Rounds;
        var self = new List<double>();
        foreach (var side in new[] { baseline, current })
            if (side.Length >= 2)
                self.Add(Shift(side[..(side.Length / 2)], side[(side.Length / 2)..], rounds));
        double Bytes(Side side) => Quantile.Median(samples.Copies.Where(c => c.Side == side).Select(c => Quantile.Median(c.AllocatedBytesPerOperation)).ToArray());
        return new ProcessComparison(Shift(baseline, current, rounds), [.. self],
            Quantile.Median(baseline.Select(c => Quantile.Median(c)).ToArray()), Quantile.Median(current.Select(c => Quantile.Median(c)).ToArray()),
            Bytes(Side.Baseline), Bytes(Side.Current), Math.Min(baseline.Length, current.Length), rounds);
    }

    /// <summary>
    /// One build measured alone in a process (its copies under both labels): its level, the median over rounds of ln(median
    /// copy ns/op), and the A/A change between the two halves of its copies. Raw time: a reference workload timed in the
    /// same rounds moved more between processes than the benchmarks it was to normalise (its own placement), so none is used.
    /// </summary>
    public static SideLevel Level(PairedSamples samples)
    {
        var overhead = Quantile.Median(samples.OverheadNanosecondsPerOperation);
        var copies = samples.Copies.OrderBy(c => c.Side).ThenBy(c => c.Index)
            .Select(c => c.NanosecondsPerOperation.Select(t => Math.Max(t - overhead, MinimumTime(t))).ToArray()).ToArray();
        if (copies.Length == 0) throw new ArgumentException("a process needs copies", nameof(samples));
        var rounds = samples.Rounds;
        var logs = new double[rounds];
        for (var r = 0; r < rounds; r++)
            logs[r] = Math.Log(Quantile.Median(copies.Select(c => c[r]).ToArray()));
        var half = copies.Length / 2;
        double[] self = half >= 1 ? [Shift(copies[..half], copies[half..], rounds)] : [];
        var bytes = Quantile.Median(samples.Copies.Select(c => Quantile.Median(c.AllocatedBytesPerOperation)).ToArray());
        return new SideLevel(Quantile.Median(logs), self, Quantile.Median(copies.Select(c => Quantile.Median(c)).ToArray()), bytes,
            copies.Length, rounds);
    }

    /// <summary>Median over rounds of ln(median of <paramref name="after"/>'s copies ÷ median of <paramref name="before"/>'s).</summary>
    private static double Shift(double[][] before, double[][] after, int rounds)
    {
        var logs = new double[rounds];
        for (var r = 0; r < rounds; r++)
            logs[r] = Math.Log(Quantile.Median(after.Select(c => c[r]).ToArray()) / Quantile.Median(before.Select(c => c[r]).ToArray()));
        return Quantile.Median(logs);
    }

    /// <summary>A sample never counts as faster than a hundredth of its raw time, so a noisy overhead cannot make it zero or negative.</summary>
    private static double MinimumTime(double raw) => Math.Max(raw * 0.01, 1e-6);
}
