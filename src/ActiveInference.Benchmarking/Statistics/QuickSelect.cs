namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// In-place selection (Hoare's quickselect with a median-of-three pivot): order statistics in expected linear time
/// without sorting or allocating, for inner loops such as <see cref="PercentileBootstrap"/>.
/// </summary>
/// <remarks>Hoare, C. A. R. (1961). "Algorithm 65: Find." Commun. ACM 4(7): 321–322. https://doi.org/10.1145/366622.366647</remarks>
internal static class QuickSelect
{
    /// <summary>
    /// The sample median (<see cref="Quantile.Median(ReadOnlySpan{double})"/>'s, without sorting or allocating);
    /// reorders <paramref name="values"/>.
    /// </summary>
    public static double Median(Span<double> values)
    {
        var n = values.Length;
        var upper = n / 2;
        var high = Select(values, upper);
        if ((n & 1) == 1)
            return high;
        // After selection everything left of 'upper' is <= values[upper]: the lower middle is their maximum.
        var low = values[0];
        for (var i = 1; i < upper; i++)
            if (values[i] > low) low = values[i];
        return Quantile.Between(low, high, 0.5);
    }

    /// <summary>The k-th smallest value (0-based); afterwards values[..k] ≤ values[k] ≤ values[(k+1)..].</summary>
    public static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            var middle = left + (right - left) / 2;
            // Median of three moved to 'middle' as the pivot; guards sorted and reversed input.
            if (values[middle] < values[left]) Swap(values, middle, left);
            if (values[right] < values[left]) Swap(values, right, left);
            if (values[right] < values[middle]) Swap(values, right, middle);
            var pivot = values[middle];

            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    Swap(values, i, j);
                    i++;
                    j--;
                }
            }
            // Now values[left..j] <= pivot <= values[i..right], and values[j+1..i-1] == pivot.
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }
        return values[k];
    }

    private static void Swap(Span<double> values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}
