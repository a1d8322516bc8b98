using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// The fallback gate when no baseline code can be had: compares the samples with the recorded baseline samples taken
/// in a similar machine state (<see cref="StateMatching"/>); recordings without samples give Inconclusive (bytes per operation are still gated).
/// </summary>
internal static class RecordedGate
{
    /// <summary>Decides the verdict for <paramref name="current"/>.</summary>
    /// <param name="current">The measured result (its trust issues are not looked at here).</param>
    /// <param name="baseline">The baseline of this benchmark on this machine profile, or null.</param>
    /// <param name="elsewhere">Baselines of this benchmark recorded on other machine profiles.</param>
    /// <param name="here">This machine's profile, to say how the others differ from it.</param>
    /// <param name="policy">Threshold and decision constants.</param>
    /// <param name="confirm">Re-measures the benchmark in a fresh process: its samples, or an error message.</param>
    /// <param name="whyRecorded">Why the recorded numbers are used instead of the baseline's code, said in the message; null to say nothing.</param>
    public static GateOutcome Decide(BenchmarkResult current, Baseline? baseline, IReadOnlyList<Baseline> elsewhere,
        MachineProfile here, RecordedGatePolicy policy, Remeasure confirm, string? whyRecorded = null)
    {
        var why = whyRecorded is null ? "" : $"; compared with recorded numbers because there is no baseline code: {whyRecorded}";
        var threshold = policy.Threshold;
        var currentMedian = current.Time.Median;
        var against = baseline is null ? null : new BaselineName(Describe(baseline), baseline.Latest.Commit);
        GateOutcome Plain(Verdict verdict, string reason, int processes = 0)
        {
            var message = VerdictMessage.Plain(current.Name, verdict, reason + why);
            return (processes, verdict) switch
            {
                ( > 0, _) => GateOutcome.Compared(verdict, message, threshold, ComparisonMethod.Recorded, against!, processes, baseline!.CenterNanosecondsPerOperation, currentMedian),
                (_, Verdict.New) => GateOutcome.New(message, threshold, currentMedian, against),
                _ => GateOutcome.Inconclusive(message, threshold, currentMedian, against, baseline?.CenterNanosecondsPerOperation),
            };
        }

        if (baseline is null)
        {
            return elsewhere.Count > 0
                ? Plain(Verdict.Inconclusive, $"no recorded baseline on this machine profile ({here.Id}); recorded only on {string.Join("; ", elsewhere.Select(b => $"{b.Profile.Id} ({string.Join(", ", here.DifferencesFrom(b.Profile))})"))}. Record one here with mode=record")
                : Plain(Verdict.New, "no recorded baseline yet (record one with mode=record)");
        }

        var description = Describe(baseline);
        if (AllocationRegression.Describe(Quantile.Median(baseline.Recordings.Select(r => r.AllocatedBytesPerOperation)), current.AllocatedBytesPerOperation,
                policy.AllocationToleranceRelative, policy.AllocationToleranceBytes) is { } allocation)
            return Plain(Verdict.Regressed, $"{allocation} against {description}", processes: 1);

        if (baseline.Recordings.Count(r => r.Samples.Count == 0) is var withoutSamples and > 0)
            return Plain(Verdict.Inconclusive,
                $"{withoutSamples} of the {baseline.Recordings.Count} recordings in {description} have no samples here (only their summaries), and comparing with summaries of another day would be a guess: " +
                "the samples file next to the baselines file (baselines.samples.json) is missing, unreadable or older than baselines.json; restore it from git, or let the gate build the baseline code");
        // The reference column alone is no probe set (a results file that held only normalised samples gets it back).
        if (current.StateSamples.Keys.All(name => name == Engine.QuadraticFormReference.ReferenceName))
            return Plain(Verdict.Inconclusive, "this run has no machine-state probes to match recorded numbers with (the benchmark runs without a reference workload)");
        var probes = StateMatching.CommonProbes(current.StateSamples, baseline);
        if (probes.Length == 0)
            return Plain(Verdict.Inconclusive, $"{description} carry no machine-state probes to match against (recorded by an older version): record new baselines");
        var recordings = StateMatching.SamplesByRecording(baseline, probes);
        StateSample[] pool = [.. recordings.SelectMany(r => r)];
        var first = StateMatching.Estimate(pool, StateMatching.Samples(current.SamplesNanosecondsPerOperation, current.StateSamples, probes));
        var processes = 1;
        for (var attempt = 0; first is null && attempt < policy.UnmatchedRetries; attempt++, processes++)
        {
            var (shift, error) = MeasureAgain(pool, probes, confirm);
            if (error is not null)
                return Plain(Verdict.Inconclusive, $"this run ran in machine states that the recordings in {description} never saw, and a fresh process to measure again failed: {error}", processes);
            first = shift;
        }
        if (first is null)
            return Plain(Verdict.Inconclusive,
                $"this run's {processes} process(es) ran in machine states that the {baseline.Recordings.Count} recordings in {description} never saw, so they cannot be compared (recorded numbers describe the machine of another day)", processes);

        var floor = StateMatching.NoiseFloor(recordings, policy.NoiseMultiplier);
        var limit = Math.Max(Math.Log(1 + threshold), floor);
        var interval = PercentileBootstrap.MedianDifference(first.Residuals, [0.0], policy.Confidence);
        var evidence = new Evidence(current, baseline, description, first, pool.Length, limit, floor, interval, threshold, why, processes);

        if (first.Shift > policy.SuspectFraction * limit)
            return Settle(+1, first, pool, probes, evidence, policy, confirm);
        if (first.Shift < -policy.SuspectFraction * limit && interval.Upper < 0)
            return Settle(-1, first, pool, probes, evidence, policy, confirm);
        return evidence.Outcome(Verdict.Passed, first.Shift, "", processes);
    }

    /// <summary>Re-measures a suspect (sign +1 slower, −1 faster) in fresh processes and decides on the mean of all processes.</summary>
    private static GateOutcome Settle(int sign, MatchedShift first, StateSample[] pool, string[] probes, Evidence evidence, RecordedGatePolicy policy,
        Remeasure confirm)
    {
        var limit = evidence.Limit;
        var shifts = new List<double> { first.Shift };
        var unmatched = 0;
        while (shifts.Count < policy.Confirmations + 1)
        {
            var (again, error) = MeasureAgain(pool, probes, confirm);
            if (error is not null)
                return evidence.Outcome(Verdict.Inconclusive, first.Shift, $"; could not re-measure it in a fresh process: {error}", evidence.Processes + shifts.Count - 1 + unmatched);
            if (again is null)
            {
                if (++unmatched > policy.UnmatchedRetries)
                    return evidence.Outcome(Verdict.Inconclusive, first.Shift, "; its fresh processes ran in machine states the recordings never saw", evidence.Processes + shifts.Count - 1 + unmatched);
                continue;
            }
            shifts.Add(again.Shift);
            if (sign * again.Shift <= policy.ConfirmationFloor * limit) break;
        }
        var mean = shifts.Average();
        var confirmed = shifts.Count == policy.Confirmations + 1 && shifts.Skip(1).All(v => sign * v > policy.ConfirmationFloor * limit) && sign * mean > limit;
        var fresh = string.Join(", ", shifts.Skip(1).Select(v => Readable.Change(Math.Exp(v))));
        var rule = sign > 0
            ? $"fails when the mean is above {Readable.Change(Math.Exp(limit))} and each fresh process above {Readable.Change(Math.Exp(policy.ConfirmationFloor * limit))}"
            : $"improved when the mean is below {Readable.Change(Math.Exp(-limit))} and each fresh process below {Readable.Change(Math.Exp(-policy.ConfirmationFloor * limit))}";
        var detail = $"; first process {Readable.Change(Math.Exp(first.Shift))}, fresh processes {fresh} ({rule})";
        var processes = evidence.Processes + shifts.Count - 1 + unmatched;
        var verdict = !confirmed ? Verdict.Passed : sign > 0 ? Verdict.Regressed : Verdict.Improved;
        return evidence.Outcome(verdict, mean, detail + (confirmed ? ", confirmed" : ": not confirmed"), processes, confirmed);
    }

    private static string Describe(Baseline baseline) => $"the recorded numbers of {baseline.Latest.RecordedAt.UtcDateTime:yyyy-MM-dd}";

    private static (MatchedShift? Shift, string? Error) MeasureAgain(StateSample[] pool, string[] probes, Remeasure confirm)
    {
        var (child, error) = confirm();
        return child is null ? (null, error ?? "no samples") : (StateMatching.Estimate(pool, StateMatching.Samples(child, probes)), null);
    }

    private sealed record Evidence(BenchmarkResult Current, Baseline Baseline, string Description, MatchedShift First, int BaselineSamples, double Limit,
        double Floor, ConfidenceInterval FirstInterval, double Threshold, string Why, int Processes)
    {
        public GateOutcome Outcome(Verdict verdict, double shift, string detail, int processes, bool? confirmed = null)
        {
            var ratio = Math.Exp(shift);
            var interval = new ConfidenceInterval(Math.Exp(FirstInterval.Lower - First.Shift + shift), Math.Exp(FirstInterval.Upper - First.Shift + shift), FirstInterval.Level);
            var method = string.Create(CultureInfo.InvariantCulture,
                $"state-matched: {First.Matched} of {First.Total} samples against {BaselineSamples} samples of {Baseline.Recordings.Count} recordings");
            double? floor = Floor > 0 ? Math.Exp(Floor) - 1 : null;
            var baselineMedian = Baseline.CenterNanosecondsPerOperation;
            var message = VerdictMessage.Compared(Current.Name, verdict, ratio, interval, Description, method, Threshold,
                floor, baselineMedian, Current.Time.Median, detail + Why, $"the {Baseline.Recordings.Count} recordings disagree with each other by that much");
            return GateOutcome.Compared(verdict, message, Threshold, ComparisonMethod.Recorded, new BaselineName(Description, Baseline.Latest.Commit), processes,
                baselineMedian, Current.Time.Median, ratio, interval, floor, confirmed);
        }
    }
}
