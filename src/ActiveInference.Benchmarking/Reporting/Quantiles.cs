namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Sample quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, R's default), for drawing and storing summaries.</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile (0 ≤ p ≤ 1) of <paramref name="sorted"/>, which must be sorted ascending; NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>The median of <paramref name="values"/> in any order; NaN when empty.</summary>
    public static double Median(IEnumerable<double> values) => Of(values.Order().ToArray(), 0.5);
}
