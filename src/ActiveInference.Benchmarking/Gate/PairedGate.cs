using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// Decides a verdict from paired processes, adding processes only while the answer is unknown and can still be found.
/// Passed needs the interval to exclude a change of the threshold either way (an equivalence test, so a change the run
/// cannot resolve is never a pass); what the budget cannot resolve ends <see cref="Verdict.Inconclusive"/>.
/// </summary>
internal static class PairedGate
{
    /// <summary>
    /// At the last process, a change whose interval excludes 0 counts once it is at least this share of the threshold.
    /// </summary>
    internal const double LastCall = 0.75;

    /// <summary>
    /// The share of the threshold a last call needs after <paramref name="processes"/> processes: <see cref="LastCall"/>
    /// from 3 on, else all of it.
    /// </summary>
    internal static double LastCallShare(int processes) => processes >= 3 ? LastCall : 1.0;

    /// <summary>Why an <see cref="Verdict.Inconclusive"/> decision could not be made.</summary>
    internal enum Unresolved
    {
        /// <summary>Not inconclusive, or inconclusive for a reason given as text (a failed process).</summary>
        None,

        /// <summary>The run's noise floor stayed wider than the threshold: no pass or regression of that size can be shown.</summary>
        WideFloor,

        /// <summary>The floor is narrow enough, but the change lies too close to the threshold to call it either way.</summary>
        NearThreshold,
    }

    /// <summary>The decision and the evidence it rests on.</summary>
    /// <param name="Verdict">Passed, Regressed, Improved, New or Inconclusive.</param>
    /// <param name="Change">D, the mean change in ln units, or NaN when no process compared.</param>
    /// <param name="HalfWidth">z·s/√n: half the interval's width in ln units (the run's noise floor), or NaN.</param>
    /// <param name="Limit">The threshold in ln units: ln(1 + threshold).</param>
    /// <param name="Processes">The processes' comparisons, in order.</param>
    /// <param name="Reason">For New and Inconclusive from a failed process: why; for an allocation regression: the bytes; else null.</param>
    internal sealed record Decision(Verdict Verdict, double Change, double HalfWidth, double Limit, IReadOnlyList<ProcessComparison> Processes, string? Reason)
    {
        /// <summary>True when the verdict was called at the last process allowed, on the weaker rule (see <see cref="LastCall"/>).</summary>
        public bool AtLastCall { get; init; }

        /// <summary>Why an Inconclusive decision from compared processes could not be resolved.</summary>
        public Unresolved Unresolved { get; init; }

        /// <summary>True when the processes stopped before the budget because more of them could not have decided.</summary>
        public bool StoppedAsFutile { get; init; }

        public ConfidenceInterval Interval => new(Change - HalfWidth, Change + HalfWidth, 0.997);
    }

    public static Decision Decide(PairedPolicy policy, Func<int, PairedProcessResult> measure)
    {
        var threshold = Math.Log(1 + policy.Threshold);
        var processes = new List<ProcessComparison>();
        var (spent, slowest) = (0.0, 0.0);
        var extended = false;
        for (var index = 0; ; index++)
        {
            var result = measure(index);
            spent += result.Seconds;
            slowest = Math.Max(slowest, result.Seconds);
            if (result.Comparison is not { } comparison)
                return new Decision(result.Stop ?? Verdict.Inconclusive, double.NaN, double.NaN, threshold, processes, result.Reason);
            processes.Add(comparison);
            if (index == 0 && AllocationRegression.Describe(comparison.BaselineBytesPerOperation, comparison.CurrentBytesPerOperation,
                    policy.AllocationToleranceRelative, policy.AllocationToleranceBytes) is { } bytes)
                return new Decision(Verdict.Regressed, comparison.Change, double.NaN, threshold, processes, bytes);
            var n = processes.Count;
            if (n < policy.MinProcesses) continue;

            var change = processes.Average(p => p.Change);
            var noise = Noise(processes, policy);
            var half = policy.IntervalWidth * noise / Math.Sqrt(n);
            var (lower, upper) = (change - half, change + half);
            Decision Call(Verdict verdict) => new(verdict, change, half, threshold, processes, null);

            var confirmed = n >= Math.Min(policy.ConfirmingProcesses, policy.MaxProcesses);
            var regressed = lower > 0 && change >= threshold;
            var improved = upper < 0 && change <= -threshold;
            if (confirmed && regressed) return Call(Verdict.Regressed);
            if (confirmed && improved) return Call(Verdict.Improved);
            if (upper < threshold && lower > -threshold) return Call(Verdict.Passed);
            if (regressed || improved) continue;

            var affordable = slowest > 0 ? (int)Math.Floor((policy.TimeBudgetSeconds - spent) / slowest) : int.MaxValue;
            var more = Math.Clamp(Math.Max(affordable, policy.UndecidedProcesses - n), 0, policy.MaxProcesses - n);
            // A pass one process away (the floor that process would leave fits the change inside the threshold) gets that
            // process even past the budget, once: slow benchmarks would otherwise end Inconclusive one process short.
            if (more == 0 && !extended && n < policy.MaxProcesses
                && Math.Abs(change) + policy.IntervalWidth * noise / Math.Sqrt(n + 1) < threshold)
            {
                extended = true;
                continue;
            }
            if (more == 0)
            {
                // The spread of a few processes is a poor estimate, so a last call on them needs the full threshold.
                var share = LastCallShare(n);
                if (confirmed && lower > 0 && change >= share * threshold) return Call(Verdict.Regressed) with { AtLastCall = true };
                if (confirmed && upper < 0 && change <= -share * threshold) return Call(Verdict.Improved) with { AtLastCall = true };
                return Call(Verdict.Inconclusive) with { Unresolved = half >= threshold ? Unresolved.WideFloor : Unresolved.NearThreshold };
            }
            // With the noise seen so far (a spread of 3 processes at least), the floor after every affordable process would
            // still be wider than the threshold and the change is well inside it: more processes could decide nothing.
            var finalHalf = policy.IntervalWidth * noise / Math.Sqrt(n + more);
            if (n >= 3 && finalHalf >= threshold && Math.Abs(change) < finalHalf / 2)
                return Call(Verdict.Inconclusive) with { Unresolved = Unresolved.WideFloor, StoppedAsFutile = true };
        }
    }

    /// <summary>
    /// One process's noise: the largest of the A/A changes' root mean square (scaled to the whole side's copies), the
    /// processes' spread (from the second process on) and the policy's minimum.
    /// </summary>
    internal static double Noise(IReadOnlyList<ProcessComparison> processes, PairedPolicy policy)
    {
        var self = processes.SelectMany(p => p.SelfChanges).ToArray();
        var noise = policy.MinimumNoise;
        if (self.Length > 0) noise = Math.Max(noise, policy.SelfChangeScale * Math.Sqrt(self.Average(v => v * v)));
        if (processes.Count >= 2)
        {
            var mean = processes.Average(p => p.Change);
            noise = Math.Max(noise, Math.Sqrt(processes.Sum(p => (p.Change - mean) * (p.Change - mean)) / (processes.Count - 1)));
        }
        return noise;
    }
}
