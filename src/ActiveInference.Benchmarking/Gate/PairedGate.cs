using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>Decides a verdict from paired processes, adding processes only while the answer is unknown (with a cap).</summary>
internal static class PairedGate
{
    /// <summary>
    /// At the last process, a change whose interval excludes 0 and reaches the limit counts once it is at least this
    /// share of the limit.
    /// </summary>
    internal const double LastCall = 0.75;

    /// <summary>
    /// The share of the limit a last call needs after <paramref name="processes"/> processes: <see cref="LastCall"/>
    /// from 3 on, else all of it.
    /// </summary>
    internal static double LastCallShare(int processes) => processes >= 3 ? LastCall : 1.0;

    /// <summary>The decision and the evidence it rests on.</summary>
    /// <param name="Verdict">Passed, Regressed, Improved, New or Inconclusive.</param>
    /// <param name="Change">D, the mean change in ln units, or NaN when no process compared.</param>
    /// <param name="HalfWidth">z·s/√n: half the interval's width in ln units (the run's noise floor), or NaN.</param>
    /// <param name="Limit">L in ln units.</param>
    /// <param name="Processes">The processes' comparisons, in order.</param>
    /// <param name="Reason">For New and Inconclusive: why; for an allocation regression: the bytes; else null.</param>
    internal sealed record Decision(Verdict Verdict, double Change, double HalfWidth, double Limit, IReadOnlyList<ProcessComparison> Processes, string? Reason)
    {
        /// <summary>True when the verdict was called at the last process allowed, on the weaker rule (see <see cref="LastCall"/>).</summary>
        public bool AtLastCall { get; init; }

        public ConfidenceInterval Interval => new(Change - HalfWidth, Change + HalfWidth, 0.997);
    }

    public static Decision Decide(PairedPolicy policy, Func<int, PairedProcessResult> measure)
    {
        var threshold = Math.Log(1 + policy.Threshold);
        var processes = new List<ProcessComparison>();
        var (spent, slowest) = (0.0, 0.0);
        for (var index = 0; ; index++)
        {
            var result = measure(index);
            spent += result.Seconds;
            slowest = Math.Max(slowest, result.Seconds);
            if (result.Comparison is not { } comparison)
                return new Decision(result.Stop ?? Verdict.Inconclusive, double.NaN, double.NaN, threshold, processes, result.Reason);
            processes.Add(comparison);
            if (index == 0 && AllocationRegression(comparison, policy) is { } bytes)
                return new Decision(Verdict.Regressed, comparison.Change, double.NaN, threshold, processes, bytes);
            var n = processes.Count;
            if (n < policy.MinProcesses) continue;

            var changes = processes.Select(p => p.Change).ToArray();
            var change = changes.Average();
            var half = policy.IntervalWidth * Noise(processes, policy) / Math.Sqrt(n);
            var limit = Math.Max(threshold, half);
            var (lower, upper) = (change - half, change + half);
            Decision Call(Verdict verdict) => new(verdict, change, half, limit, processes, null);

            if (lower > 0 && change >= limit) return Call(Verdict.Regressed);
            if (upper < 0 && change <= -limit) return Call(Verdict.Improved);
            if (upper < limit && lower > -limit) return Call(Verdict.Passed);
            if (n >= policy.MaxProcesses || spent + slowest > policy.TimeBudgetSeconds)
            {
                // The spread of two processes is a poor estimate, so a last call on them needs the full limit.
                var share = LastCallShare(n);
                if (lower > 0 && change >= share * limit) return Call(Verdict.Regressed) with { AtLastCall = true };
                if (upper < 0 && change <= -share * limit) return Call(Verdict.Improved) with { AtLastCall = true };
                return Call(Verdict.Passed);
            }
            if (Math.Abs(change) < threshold / 2 && lower <= 0 && upper >= 0) return Call(Verdict.Passed);
        }
    }

    /// <summary>
    /// One process's noise: the largest of the A/A changes' root mean square, the processes' spread (from the second
    /// process on) and the policy's minimum.
    /// </summary>
    internal static double Noise(IReadOnlyList<ProcessComparison> processes, PairedPolicy policy)
    {
        var self = processes.SelectMany(p => p.SelfChanges).ToArray();
        var noise = policy.MinimumNoise;
        if (self.Length > 0) noise = Math.Max(noise, Math.Sqrt(self.Average(v => v * v)));
        if (processes.Count >= 2)
        {
            var mean = processes.Average(p => p.Change);
            noise = Math.Max(noise, Math.Sqrt(processes.Sum(p => (p.Change - mean) * (p.Change - mean)) / (processes.Count - 1)));
        }
        return noise;
    }

    private static string? AllocationRegression(ProcessComparison process, PairedPolicy policy)
    {
        var allowed = process.BaselineBytesPerOperation * (1 + policy.AllocationToleranceRelative) + policy.AllocationToleranceBytes;
        return process.CurrentBytesPerOperation > allowed
            ? FormattableString.Invariant($"allocates more: {process.BaselineBytesPerOperation:0.##} B/op → {process.CurrentBytesPerOperation:0.##} B/op (allowed up to {allowed:0.##} B/op)")
            : null;
    }
}
