namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics: Hyndman–Fan definition 7, the default of
/// R's <c>quantile()</c>, NumPy's <c>percentile()</c> and Excel's <c>PERCENTILE.INC</c>.
/// </summary>
internal static class Quantile
{
    /// <summary>
    /// The <paramref name="probability"/> quantile of values that are already sorted ascending (not checked,
    /// so that callers holding a sorted copy pay nothing). Result is in the unit of the values.
    /// </summary>
    /// <exception cref="ArgumentException">The sample is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside [0, 1] or NaN.</exception>
    public static double OfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty)
            throw new ArgumentException("The sample is empty: a quantile needs at least one value.", nameof(sorted));
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must lie in [0, 1].");

        var h = (sorted.Length - 1) * probability;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Length - 1)
            return sorted[^1];
        return Between(sorted[lower], sorted[lower + 1], h - lower);
    }

    /// <summary>The median (the 0.5 quantile) of unsorted values; the input is not changed.</summary>
    /// <exception cref="ArgumentException">The sample is empty or contains NaN or ±Infinity.</exception>
    public static double Median(ReadOnlySpan<double> values) => Of(values, 0.5);

    /// <summary>The median of values in any order (see <see cref="Median(ReadOnlySpan{double})"/>).</summary>
    /// <exception cref="ArgumentException">The sample is empty or contains NaN or ±Infinity.</exception>
    public static double Median(IEnumerable<double> values) => Of(values.ToArray(), 0.5);

    /// <summary>
    /// The <paramref name="probability"/> quantile of sorted values, NaN when there are none: for drawing and storing
    /// summaries where an empty series is normal (values are not checked for NaN).
    /// </summary>
    public static double OfSortedOrNaN(IReadOnlyList<double> sorted, double probability) =>
        sorted.Count == 0 ? double.NaN : OfSorted(sorted as double[] ?? [.. sorted], probability);

    /// <summary>The median of values in any order, NaN when there are none (values are not checked for NaN).</summary>
    public static double MedianOrNaN(IEnumerable<double> values) => OfSortedOrNaN(values.Order().ToArray(), 0.5);

    /// <summary>
    /// <paramref name="multiplier"/> robust standard deviations of <paramref name="values"/>: 1.4826 × the median
    /// absolute deviation from the median (consistent with the standard deviation for normal data).
    /// </summary>
    /// <exception cref="ArgumentException">The sample is empty or contains NaN or ±Infinity.</exception>
    public static double RobustSpread(IReadOnlyList<double> values, double multiplier = 1)
    {
        var centre = Median(values);
        return multiplier * 1.4826 * Median(values.Select(v => Math.Abs(v - centre)));
    }

    /// <summary>
    /// The point <paramref name="fraction"/> of the way from <paramref name="lower"/> to <paramref name="upper"/>, written
    /// as a step from the lower neighbour so that equal neighbours give exactly that value.
    /// </summary>
    internal static double Between(double lower, double upper, double fraction) => lower + fraction * (upper - lower);

    /// <summary>The <paramref name="probability"/> quantile of unsorted values (a sorted copy is made; the input is not changed).</summary>
    /// <exception cref="ArgumentException">The sample is empty or contains NaN or ±Infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside [0, 1] or NaN.</exception>
    public static double Of(ReadOnlySpan<double> values, double probability)
    {
        SampleGuard.RequireFiniteNonEmpty(values, nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, probability);
    }
}
