using System.Globalization;
using ActiveInference.Benchmarking;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// The <see cref="RecordedGate"/> applied to stored results, where no fresh process can re-measure a suspect.
/// In its place the suspect's own samples are handed back as every "re-measurement", so a suspect counts as
/// Regressed only when its own change exceeds the limit; every verdict that went through this rule says so in its message.
/// A stored run is one process: it is counted as one, and a run in machine states the baseline never saw is
/// Inconclusive at once (its own samples, handed back, could never find other states).
/// </summary>
internal static class OfflineGate
{
    /// <summary>Appended to the message of a verdict reached without a fresh process.</summary>
    public const string Note = " [offline: no fresh process to confirm; the suspect's own samples stood in for the fresh processes]";

    /// <summary>The verdict for <paramref name="current"/> against <paramref name="baseline"/> (null: none on this profile).</summary>
    public static GateOutcome Decide(BenchmarkResult current, Baseline? baseline, IReadOnlyList<Baseline> elsewhere, MachineProfile here, RecordedGatePolicy policy)
    {
        if (!current.IsTrustworthy)
            return GateOutcome.Inconclusive($"{current.Name} inconclusive: not trustworthy, not gated: {string.Join("; ", current.TrustIssues)}",
                policy.Threshold, current.Time.Median, baselineMedianNanoseconds: baseline?.CenterNanosecondsPerOperation);
        var confirmedOffline = false;
        var outcome = RecordedGate.Decide(current, baseline, elsewhere, here, policy with { UnmatchedRetries = 0 }, () =>
        {
            confirmedOffline = true;
            return (new Remeasurement([.. current.SamplesNanosecondsPerOperation], current.AllocatedBytesPerOperation,
                current.StateSamples.ToDictionary(p => p.Key, p => p.Value.ToArray())), null);
        });
        return confirmedOffline
            ? outcome with { Message = outcome.Message.Replace(", fresh processes ", ", re-checks of its own samples ", StringComparison.Ordinal) + Note, Confirmed = null, Processes = 1 }
            : outcome;
    }
}
