namespace ActiveInference.Benchmarking.Statistics;

/// <summary>Temporary placeholder, replaced by the statistics branch.</summary>
public static class SummaryCalculator
{
    /// <summary>Summarises values.</summary>
    public static Summary Summarise(ReadOnlySpan<double> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        double Q(double p) { var h = (a.Length - 1) * p; var lo = (int)Math.Floor(h); var hi = Math.Min(lo + 1, a.Length - 1); return a[lo] + (h - lo) * (a[hi] - a[lo]); }
        var mean = a.Average();
        var sd = a.Length > 1 ? Math.Sqrt(a.Sum(x => (x - mean) * (x - mean)) / (a.Length - 1)) : 0;
        return new Summary(a.Length, mean, sd, a[0], a[^1], Q(0.5), Q(0.25), Q(0.75), new ConfidenceInterval(mean, mean, 0.95), new ConfidenceInterval(a[0], a[^1], 0.95));
    }
}
