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
/// The compared value is each sample's ln(benchmark ns/op ÷ reference ns/op) (raw ln ns/op when either side has no
/// reference). The baseline's centre is the median over its recordings of each recording's median, so one slow
/// recording process cannot shift it. A benchmark is a suspect when the ratio of medians exceeds 1 + threshold
/// <b>and</b> the lower bound of a 99% bootstrap interval of that ratio exceeds 1; a suspect fails only when a fresh
/// process also measures it above 1 + 1.25 × threshold. That second process is what keeps the whole suite's false
/// alarm rate low however many benchmarks it has: on this kind of machine the false alarms left after
/// normalisation come from a whole process running 8–11% slow, which a re-measurement in the same process repeats.
/// Bytes per operation are nearly deterministic and gated directly.
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

        var (samples, centre, baselineSamples, normalised) = ComparableSamples(current, baseline);
        if (samples.Length < 2 || baselineSamples.Length < 2)
            return new GateOutcome(Verdict.Inconclusive, $"{current.Name}: too few samples to compare ({samples.Length} now, {baselineSamples.Length} in the baseline)",
                null, null, null, threshold, baselineMedian, currentMedian);

        var shift = Median(samples) - centre;
        var interval = PercentileBootstrap.MedianDifference(samples, [centre], policy.Confidence);
        var ratio = Math.Exp(shift);
        var ratioInterval = new ConfidenceInterval(Math.Exp(interval.Lower), Math.Exp(interval.Upper), interval.Level);
        var latestCentre = Median(baselineSamples);
        var centred = baselineSamples.Select(v => v - latestCentre + centre).ToArray();
        var p = MannWhitney.TestGreater(samples, centred).PValue;
        var limit = Math.Log(1 + threshold);
        var evidence = new Evidence(current, baselineMedian, currentMedian, ratio, ratioInterval, p, threshold, samples.Length, baselineSamples.Length, normalised);

        if (shift > limit && interval.Lower > 0)
            return Confirm(evidence, centre, normalised, policy, confirm);
        if (shift < -limit && interval.Upper < 0)
            return evidence.Outcome(Verdict.Improved, "improved", "; record a new baseline with mode=record to keep the gain");
        if (interval.HalfWidth > limit)
            return evidence.Outcome(Verdict.Inconclusive, "too noisy to decide", $"; the {interval.Level:P0} interval is wider than the threshold");
        return evidence.Outcome(Verdict.Passed, "unchanged", "");
    }

    private static GateOutcome Confirm(Evidence evidence, double centre, bool normalised, GatePolicy policy,
        Func<(ChildSamples? Samples, string? Error)> confirm)
    {
        var (child, error) = confirm();
        if (child is null)
            return evidence.Outcome(Verdict.Inconclusive, "suspected of regressing", $"; could not re-measure it in a fresh process: {error}");
        var childSamples = normalised ? child.NormalisedSamples : child.NanosecondsPerOperation.Select(v => Math.Log(v)).ToArray();
        if (childSamples.Length == 0)
            return evidence.Outcome(Verdict.Inconclusive, "suspected of regressing", "; the fresh process returned no comparable samples");
        var childRatio = Math.Exp(Median(childSamples) - centre);
        var confirmLimit = 1 + policy.Threshold * policy.ConfirmationFactor;
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

    private static (double[] Samples, double Centre, double[] BaselineSamples, bool Normalised) ComparableSamples(BenchmarkResult current, Baseline baseline)
    {
        var centre = baseline.CenterNormalised;
        var latest = baseline.Latest;
        if (current.NormalisedSamples.Count > 0 && centre is { } c && latest.NormalisedSamples.Count > 0)
            return ([.. current.NormalisedSamples], c, [.. latest.NormalisedSamples], true);
        return (Logs(current.SamplesNanosecondsPerOperation), Math.Log(baseline.CenterNanosecondsPerOperation), Logs(latest.Samples), false);
    }

    private static double[] Logs(IReadOnlyList<double> values) => values.Where(v => v > 0).Select(v => Math.Log(v)).ToArray();

    private static double Median(double[] values) => values.Length == 0 ? double.NaN : Quantile.Of(values, 0.5);

    private static string Percent(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{(ratio - 1) * 100:+0.0;-0.0;0.0}%");

    private sealed record Evidence(BenchmarkResult Current, double BaselineMedian, double CurrentMedian, double Ratio,
        ConfidenceInterval Interval, double P, double Threshold, int N, int BaselineN, bool Normalised)
    {
        public GateOutcome Outcome(Verdict verdict, string verb, string suffix, bool? confirmed = null)
        {
            var pText = P < 0.001 ? "p<0.001" : string.Create(CultureInfo.InvariantCulture, $"p={P:0.###}");
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{Current.Name} {verb} {Percent(Ratio)} [{Percent(Interval.Lower)}, {Percent(Interval.Upper)}] ({OutputFormatter.Time(BaselineMedian)} → {OutputFormatter.Time(CurrentMedian)}), threshold {Threshold * 100:0.#}%, {pText}, n={N}/{BaselineN}{(Normalised ? "" : ", raw times (no reference)")}{suffix}");
            return new GateOutcome(verdict, message, Ratio, Interval, P, Threshold, BaselineMedian, CurrentMedian, confirmed);
        }
    }
}
