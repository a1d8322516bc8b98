using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Execution;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// The scale the gate compares on: per sample v = ln(benchmark ns/op) − <see cref="Weight"/> · ln(reference ns/op).
/// </summary>
/// <remarks>
/// Weight 1 is the plain reference-normalised ratio, 0 the raw time. Real kernels follow the machine's speed changes
/// less than the reference does (measured here: a within-process slope of 0 to 0.6 for the suite's kernels, while the
/// reference swings up to 2x), so dividing by the reference can add noise instead of removing it. The weight is the
/// pooled within-process least-squares slope of ln(benchmark) on ln(reference), from the baseline recordings and the
/// current process: how much of the reference's change the benchmark actually shares (a control variate). It is 1
/// when the samples cannot tell (no spread in the reference), and 0 when either side ran without a reference.
/// </remarks>
/// <param name="Weight">The reference weight β in [0, 1].</param>
public sealed record ComparisonScale(double Weight)
{
    /// <summary>Raw times: no reference.</summary>
    public static ComparisonScale Raw { get; } = new(0);

    /// <summary>Estimates the weight from the processes' (ns/op, ln ratio) samples; raw when any side lacks a reference.</summary>
    public static ComparisonScale Estimate(IReadOnlyList<(IReadOnlyList<double> Nanoseconds, IReadOnlyList<double> Normalised)> processes)
    {
        double covariance = 0, variance = 0;
        foreach (var (nanoseconds, normalised) in processes)
        {
            var pairs = Pairs(nanoseconds, normalised);
            if (pairs.Length == 0) return Raw;
            var mx = Median(pairs.Select(p => p.X));
            var my = Median(pairs.Select(p => p.Y));
            foreach (var (x, y) in pairs)
            {
                var dy = Math.Clamp(y - my, -1, 1);
                covariance += Math.Clamp(x - mx, -1, 1) * dy;
                variance += dy * dy;
            }
        }
        return variance < 1e-12 ? new ComparisonScale(1) : new ComparisonScale(Math.Clamp(covariance / variance, 0, 1));
    }

    /// <summary>Estimates the weight for a current result against a baseline.</summary>
    public static ComparisonScale For(BenchmarkResult current, Baseline baseline) =>
        Estimate([(current.SamplesNanosecondsPerOperation, current.NormalisedSamples), .. baseline.Recordings.Select(r => (r.Samples, r.NormalisedSamples))]);

    /// <summary>The compared values of one process's samples (samples of 0 ns, fully overhead, are left out).</summary>
    public double[] Apply(IReadOnlyList<double> nanoseconds, IReadOnlyList<double> normalised)
    {
        if (Weight == 0 || normalised.Count == 0)
            return nanoseconds.Where(v => v > 0).Select(v => Math.Log(v)).ToArray();
        return Pairs(nanoseconds, normalised).Select(p => p.X - Weight * p.Y).ToArray();
    }

    /// <summary>The compared values of a re-measurement.</summary>
    public double[] Apply(ChildSamples samples) => Apply(samples.NanosecondsPerOperation, samples.NormalisedSamples);

    // ln(ns/op) and ln(reference ns/op) per sample. Normalised samples exist only for samples above 0 ns, in order.
    private static (double X, double Y)[] Pairs(IReadOnlyList<double> nanoseconds, IReadOnlyList<double> normalised)
    {
        var positive = nanoseconds.Where(v => v > 0).ToArray();
        if (normalised.Count == 0 || positive.Length != normalised.Count) return [];
        return positive.Select((v, i) => (Math.Log(v), Math.Log(v) - normalised[i])).ToArray();
    }

    private static double Median(IEnumerable<double> values) => Statistics.Quantile.Of(values.ToArray(), 0.5);
}
