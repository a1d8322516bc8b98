using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// Decides a benchmark's <see cref="Verdict"/> from its samples and its baseline. Pure apart from the confirmation
/// callback, which re-measures a suspect in a fresh process.
/// </summary>
/// <remarks>
/// The compared value is each sample's ln(ns/op) − β·ln(reference ns/op) (<see cref="ComparisonScale"/>: β is how
/// much of the reference's speed changes the benchmark shares, estimated from the samples). The baseline's centre is
/// the median over its recordings of each recording's median, so one slow recording process cannot shift it, and
/// the spread of those medians sets a noise floor: the limit is the larger of the threshold and
/// <see cref="GatePolicy.NoiseMultiplier"/> robust standard deviations of them. A benchmark is a suspect when the ratio of
/// medians exceeds the limit <b>and</b> the lower bound of a 99% bootstrap interval of that ratio exceeds 1; a suspect
/// fails only when a fresh process also lands above the limit plus a margin (12.5% instead of 10%). That second
/// process is what keeps the whole suite's false alarm rate low however many benchmarks it has: on this kind of
/// machine the false alarms come from a whole process landing slow, which a re-measurement in the same process
/// repeats. Bytes per operation are nearly deterministic and gated directly.
/// </remarks>
public static class RegressionGate
{
    /// <summary>Decides the verdict for <paramref name="current"/>.</summary>
    /// <param name="current">The measured result (its trust issues are not looked at here).</param>
    /// <param name="baseline">The baseline of this benchmark on this machine profile, or null.</param>
    /// <param name="elsewhere">Baselines of this benchmark recorded on other machine profiles.</param>
    /// <param name="here">This machine's profile, to say how the others differ from it.</param>
    /// <param name="policy">Threshold and decision constants.</param>
    /// <param name="confirm">Re-measures the benchmark in a fresh process: its samples, or an error message.</param>
    public static GateOutcome Decide(BenchmarkResult current, Baseline? baseline, IReadOnlyList<Baseline> elsewhere,
        MachineProfile here, GatePolicy policy, Func<(ChildSamples? Samples, string? Error)> confirm)
    {
        var outcome = DecideCore(current, baseline, elsewhere, here, policy, confirm, out var note);
        return note.Length == 0 ? outcome : outcome with { Message = outcome.Message + note };
    }

    private static GateOutcome DecideCore(BenchmarkResult current, Baseline? baseline, IReadOnlyList<Baseline> elsewhere,
        MachineProfile here, GatePolicy policy, Func<(ChildSamples? Samples, string? Error)> confirm, out string unmatchedNote)
    {
        unmatchedNote = "";
        var threshold = policy.Threshold;
        var currentMedian = current.Time.Median;
        if (baseline is null)
        {
            return elsewhere.Count > 0
                ? new GateOutcome(Verdict.Inconclusive,
                    $"{current.Name}: no baseline on this machine profile ({here.Id}); recorded only on {string.Join("; ", elsewhere.Select(b => $"{b.Profile.Id} ({string.Join(", ", here.DifferencesFrom(b.Profile))})"))}. Record one here with mode=record",
                    null, null, null, threshold, null, currentMedian)
                : new GateOutcome(Verdict.New, $"{current.Name}: new benchmark, no baseline yet (record one with mode=record)",
                    null, null, null, threshold, null, currentMedian);
        }

        var baselineMedian = baseline.CenterNanosecondsPerOperation;
        var allocation = AllocationRegression(current, baseline, policy);
        if (allocation is not null)
            return new GateOutcome(Verdict.Regressed, allocation, currentMedian / baselineMedian, null, null, threshold, baselineMedian, currentMedian);

        var probes = StateMatching.CommonProbes(current.StateSamples, baseline);
        if (probes.Length > 0)
        {
            var matched = DecideMatched(current, baseline, probes, policy, confirm);
            if (matched is not null) return matched;
            unmatchedNote = string.Create(CultureInfo.InvariantCulture,
                $"; compared without state matching: too many processes ran in machine states the baseline's {baseline.Recordings.Count} recordings never saw (record more baselines on this machine)");
        }

        var scale = ComparisonScale.For(current, baseline);
        var samples = scale.Apply(current.SamplesNanosecondsPerOperation, current.NormalisedSamples);
        var recordings = baseline.Recordings.Select(r => scale.Apply(r.Samples, r.NormalisedSamples)).Where(v => v.Length > 0).ToArray();
        var baselineSamples = recordings.Length == 0 ? [] : recordings[^1];
        if (samples.Length < 2 || baselineSamples.Length < 2)
            return new GateOutcome(Verdict.Inconclusive, $"{current.Name}: too few samples to compare ({samples.Length} now, {baselineSamples.Length} in the baseline)",
                null, null, null, threshold, baselineMedian, currentMedian);

        var recordingMedians = recordings.Select(Median).ToArray();
        var centre = Median(recordingMedians);
        var shift = Median(samples) - centre;
        var interval = PercentileBootstrap.MedianDifference(samples, [centre], policy.Confidence);
        var ratio = Math.Exp(shift);
        var ratioInterval = new ConfidenceInterval(Math.Exp(interval.Lower), Math.Exp(interval.Upper), interval.Level);
        var latestCentre = Median(baselineSamples);
        var centred = baselineSamples.Select(v => v - latestCentre + centre).ToArray();
        var p = MannWhitney.TestGreater(samples, centred).PValue;
        var noise = NoiseFloor(recordingMedians, policy);
        var limit = Math.Max(Math.Log(1 + threshold), noise);
        var evidence = new Evidence(current, baselineMedian, currentMedian, ratio, ratioInterval, p, threshold, samples.Length, baselineSamples.Length,
            scale, limit, recordingMedians.Length);

        if (shift > limit && interval.Lower > 0)
            return Confirm(evidence, centre, scale, limit, policy, confirm);
        if (shift < -limit && interval.Upper < 0)
            return evidence.Outcome(Verdict.Improved, "improved", "; record a new baseline with mode=record to keep the gain");
        if (interval.HalfWidth > limit)
            return evidence.Outcome(Verdict.Inconclusive, "too noisy to decide", $"; the {interval.Level:P0} interval is wider than the limit");
        return evidence.Outcome(Verdict.Passed, "unchanged", "");
    }

    /// <summary>
    /// How far apart whole processes land on this benchmark, from the spread of the baseline's recordings:
    /// <see cref="GatePolicy.NoiseMultiplier"/> robust standard deviations (1.4826 × the median absolute deviation, so
    /// one recording made on a disturbed machine does not inflate it) of their medians, in ln units; 0 with fewer than
    /// 3 recordings. A change smaller than that cannot be told from a process landing elsewhere, however significant.
    /// </summary>
    private static double NoiseFloor(double[] recordingMedians, GatePolicy policy)
    {
        if (recordingMedians.Length < 3) return 0;
        var centre = Median(recordingMedians);
        var deviation = Median(recordingMedians.Select(m => Math.Abs(m - centre)).ToArray());
        return policy.NoiseMultiplier * 1.4826 * deviation;
    }

    private static GateOutcome Confirm(Evidence evidence, double centre, ComparisonScale scale, double limit, GatePolicy policy,
        Func<(ChildSamples? Samples, string? Error)> confirm)
    {
        var (child, error) = confirm();
        if (child is null)
            return evidence.Outcome(Verdict.Inconclusive, "suspected of regressing", $"; could not re-measure it in a fresh process: {error}");
        var childSamples = scale.Apply(child);
        if (childSamples.Length == 0)
            return evidence.Outcome(Verdict.Inconclusive, "suspected of regressing", "; the fresh process returned no comparable samples");
        var childRatio = Math.Exp(Median(childSamples) - centre);
        var margin = Math.Log(1 + policy.Threshold * policy.ConfirmationFactor) - Math.Log(1 + policy.Threshold);
        var confirmLimit = Math.Exp(limit + margin);
        var note = string.Create(CultureInfo.InvariantCulture, $"; fresh process {Percent(childRatio)} (fails above {Percent(confirmLimit)})");
        return childRatio > confirmLimit
            ? evidence.Outcome(Verdict.Regressed, "regressed", note + ", confirmed", confirmed: true)
            : evidence.Outcome(Verdict.Passed, "unchanged", note + ": a suspect not confirmed", confirmed: false);
    }

    /// <summary>
    /// The state-matched decision (<see cref="StateMatching"/>): the first process's shift, and for a suspect (beyond
    /// <see cref="GatePolicy.SuspectFraction"/> of the limit, either way; improvements also need their interval below 0) <see cref="GatePolicy.Confirmations"/> fresh processes; a regression needs the mean shift of all of them above
    /// the limit and every confirmation above <see cref="GatePolicy.ConfirmationFloor"/> of it. A process whose
    /// machine state the baseline never saw is replaced by a fresh process, up to <see cref="GatePolicy.UnmatchedRetries"/>
    /// times; null when none could be matched (the caller then compares without state matching and says so).
    /// </summary>
    private static GateOutcome? DecideMatched(BenchmarkResult current, Baseline baseline, string[] probes, GatePolicy policy,
        Func<(ChildSamples? Samples, string? Error)> confirm)
    {
        var threshold = policy.Threshold;
        var baselineMedian = baseline.CenterNanosecondsPerOperation;
        var currentMedian = current.Time.Median;
        var recordings = StateMatching.SamplesByRecording(baseline, probes);
        StateSample[] pool = [.. recordings.SelectMany(r => r)];
        var samples = StateMatching.Samples(current.SamplesNanosecondsPerOperation, current.StateSamples, probes);
        var first = StateMatching.Estimate(pool, samples);
        var note = first is null ? "; measured again in a fresh process because this one ran in states the baseline never saw" : "";
        for (var attempt = 0; first is null && attempt < policy.UnmatchedRetries; attempt++)
        {
            first = Remeasure(pool, probes, confirm).Shift;
        }
        if (first is null) return null;

        var floor = StateMatching.NoiseFloor(recordings, policy.NoiseMultiplier);
        var limit = Math.Max(Math.Log(1 + threshold), floor);
        var interval = PercentileBootstrap.MedianDifference(first.Residuals, [0.0], policy.Confidence);
        var ratio = Math.Exp(first.Shift);
        var ratioInterval = new ConfidenceInterval(Math.Exp(interval.Lower), Math.Exp(interval.Upper), interval.Level);
        var p = MannWhitney.TestGreater(first.Residuals, [.. first.Residuals.Select(r => r - first.Shift)]).PValue;
        var evidence = new MatchedEvidence(current, baselineMedian, currentMedian, ratio, ratioInterval, p, threshold, first, pool.Length, baseline.Recordings.Count, limit);

        if (first.Shift > policy.SuspectFraction * limit)
            return Settle(+1, first, pool, probes, limit, note, evidence, policy, confirm);
        if (first.Shift < -policy.SuspectFraction * limit && interval.Upper < 0)
            return Settle(-1, first, pool, probes, limit, note, evidence, policy, confirm);
        // No "too noisy" verdict here: the samples' interval says little about where a whole process lands (GC pauses
        // make it wide for allocating benchmarks); the fresh processes of a suspect are the test that counts.
        return evidence.Outcome(Verdict.Passed, "unchanged", note);
    }

    /// <summary>
    /// Re-measures a suspect (sign +1: slower, −1: faster) in <see cref="GatePolicy.Confirmations"/> fresh processes
    /// and decides on the mean of all processes: beyond the limit with every fresh process beyond
    /// <see cref="GatePolicy.ConfirmationFloor"/> of it in the same direction. An apparent improvement is checked the
    /// same way, so that "Improved" (which invites recording a new baseline) is not one lucky process. Null when more
    /// than <see cref="GatePolicy.UnmatchedRetries"/> fresh processes ran in states the baseline never saw.
    /// </summary>
    private static GateOutcome? Settle(int sign, MatchedShift first, StateSample[] pool, string[] probes, double limit, string note,
        MatchedEvidence evidence, GatePolicy policy, Func<(ChildSamples? Samples, string? Error)> confirm)
    {
        var suspect = sign > 0 ? "suspected of regressing" : "apparently improved";
        var shifts = new List<double> { first.Shift };
        var unmatched = 0;
        while (shifts.Count < policy.Confirmations + 1)
        {
            var (again, error) = Remeasure(pool, probes, confirm);
            if (error is not null)
                return evidence.Outcome(Verdict.Inconclusive, suspect, $"{note}; could not re-measure it in a fresh process: {error}");
            if (again is null)
            {
                if (++unmatched > policy.UnmatchedRetries) return null;
                continue;
            }
            shifts.Add(again.Shift);
            if (sign * again.Shift <= policy.ConfirmationFloor * limit) break;
        }
        var mean = shifts.Average();
        var fresh = string.Join(", ", shifts.Skip(1).Select(v => Percent(Math.Exp(v))));
        var confirmed = shifts.Count == policy.Confirmations + 1 && shifts.Skip(1).All(v => sign * v > policy.ConfirmationFloor * limit) && sign * mean > limit;
        var rule = sign > 0
            ? $"fails when the mean is above {Percent(Math.Exp(limit))} and each fresh process above {Percent(Math.Exp(policy.ConfirmationFloor * limit))}"
            : $"improved when the mean is below {Percent(Math.Exp(-limit))} and each fresh process below {Percent(Math.Exp(-policy.ConfirmationFloor * limit))}";
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{note}; fresh processes {fresh}, mean of {shifts.Count} processes {Percent(Math.Exp(mean))} ({rule})");
        if (sign > 0)
            return confirmed
                ? evidence.Outcome(Verdict.Regressed, "regressed", detail + ", confirmed", confirmed: true)
                : evidence.Outcome(Verdict.Passed, "unchanged", detail + ": a suspect not confirmed", confirmed: false);
        return confirmed
            ? evidence.Outcome(Verdict.Improved, "improved", detail + "; record a new baseline with mode=record to keep the gain", confirmed: true)
            : evidence.Outcome(Verdict.Passed, "unchanged", detail + ": an improvement not confirmed", confirmed: false);
    }

    private static (MatchedShift? Shift, string? Error) Remeasure(StateSample[] pool, string[] probes, Func<(ChildSamples? Samples, string? Error)> confirm)
    {
        var (child, error) = confirm();
        return child is null ? (null, error ?? "no samples") : (StateMatching.Estimate(pool, StateMatching.Samples(child, probes)), null);
    }

    private sealed record MatchedEvidence(BenchmarkResult Current, double BaselineMedian, double CurrentMedian, double Ratio,
        ConfidenceInterval Interval, double P, double Threshold, MatchedShift Shift, int BaselineN, int Recordings, double Limit)
    {
        public GateOutcome Outcome(Verdict verdict, string verb, string suffix, bool? confirmed = null)
        {
            var pText = P < 0.001 ? "p<0.001" : string.Create(CultureInfo.InvariantCulture, $"p={P:0.###}");
            var floor = Limit > Math.Log(1 + Threshold) + 1e-12
                ? string.Create(CultureInfo.InvariantCulture, $" (noise floor {Percent(Math.Exp(Limit))}: the {Recordings} recordings disagree with each other by that much)")
                : "";
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{Current.Name} {verb} {Percent(Ratio)} [{Percent(Interval.Lower)}, {Percent(Interval.Upper)}] ({OutputFormatter.Time(BaselineMedian)} → {OutputFormatter.Time(CurrentMedian)}), threshold {Threshold * 100:0.#}%{floor}, {pText}, n={Shift.Matched}/{BaselineN}, state-matched ({Shift.Matched} of {Shift.Total} samples against {Recordings} recordings){suffix}");
            return new GateOutcome(verdict, message, Ratio, Interval, P, Threshold, BaselineMedian, CurrentMedian, confirmed);
        }
    }

    private static string? AllocationRegression(BenchmarkResult current, Baseline baseline, GatePolicy policy)
    {
        var before = Median(baseline.Recordings.Select(r => r.AllocatedBytesPerOperation).ToArray());
        var now = current.AllocatedBytesPerOperation;
        var allowed = before * (1 + policy.AllocationToleranceRelative) + policy.AllocationToleranceBytes;
        return now > allowed
            ? string.Create(CultureInfo.InvariantCulture, $"{current.Name} allocates more: {before:0.##} B/op → {now:0.##} B/op (allowed up to {allowed:0.##} B/op)")
            : null;
    }

    private static double Median(double[] values) => values.Length == 0 ? double.NaN : Quantile.Of(values, 0.5);

    private static string Percent(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{(ratio - 1) * 100:+0.0;-0.0;0.0}%");

    private sealed record Evidence(BenchmarkResult Current, double BaselineMedian, double CurrentMedian, double Ratio,
        ConfidenceInterval Interval, double P, double Threshold, int N, int BaselineN, ComparisonScale Scale, double Limit, int Recordings)
    {
        public GateOutcome Outcome(Verdict verdict, string verb, string suffix, bool? confirmed = null)
        {
            var pText = P < 0.001 ? "p<0.001" : string.Create(CultureInfo.InvariantCulture, $"p={P:0.###}");
            var scale = Scale.Weight switch
            {
                0 => ", raw times",
                1 => "",
                var w => string.Create(CultureInfo.InvariantCulture, $", reference weight {w:0.00}"),
            };
            var floor = Limit > Math.Log(1 + Threshold) + 1e-12
                ? string.Create(CultureInfo.InvariantCulture, $" (noise floor {Percent(Math.Exp(Limit))} from the spread of {Recordings} recordings)")
                : "";
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{Current.Name} {verb} {Percent(Ratio)} [{Percent(Interval.Lower)}, {Percent(Interval.Upper)}] ({OutputFormatter.Time(BaselineMedian)} → {OutputFormatter.Time(CurrentMedian)}), threshold {Threshold * 100:0.#}%{floor}, {pText}, n={N}/{BaselineN}{scale}{suffix}");
            return new GateOutcome(verdict, message, Ratio, Interval, P, Threshold, BaselineMedian, CurrentMedian, confirmed);
        }
    }
}
