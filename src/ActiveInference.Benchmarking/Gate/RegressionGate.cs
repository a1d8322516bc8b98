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
