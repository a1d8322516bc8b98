namespace ActiveInference.Benchmarking.Reporting;

/// <summary>NaN-for-empty wrappers over <see cref="Statistics.Quantile"/> (Hyndman–Fan type 7), for drawing and storing summaries where an empty series is normal.</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile (0 ≤ p ≤ 1) of <paramref name="sorted"/>, which must be sorted ascending; NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : Statistics.Quantile.OfSorted(sorted as double[] ?? [.. sorted], p);

    /// <summary>The median of <paramref name="values"/> in any order; NaN when empty.</summary>
    public static double Median(IEnumerable<double> values) => Of(values.Order().ToArray(), 0.5);
}
