namespace ActiveInference.Benchmarking.Baselines;

/// <summary>
/// What one benchmark is compared against on one machine profile: its recent recordings and a center derived
/// from them.
/// </summary>
/// <remarks>
/// A baseline taken in a single process can sit 8–11% away from the typical process on a noisy machine (the
/// whole process runs in a faster or slower state). The center is therefore the median of the recordings'
/// medians: with several recordings one odd process cannot move it.
/// </remarks>
/// <param name="FullName">The benchmark's full NUnit name.</param>
/// <param name="Profile">The machine profile the recordings were made on.</param>
/// <param name="Recordings">The stored recordings, oldest first; never empty.</param>
public sealed record Baseline(string FullName, MachineProfile Profile, IReadOnlyList<Recording> Recordings)
{
    /// <summary>Median over recordings of each recording's median ns/op.</summary>
    public double CenterNanosecondsPerOperation => MedianOf(Recordings.Select(r => r.Time.Median).ToArray());

    /// <summary>
    /// Median over recordings of each recording's median normalised sample (ln ratio to the reference workload),
    /// using only the recordings that have normalised samples; null when none has.
    /// </summary>
    public double? CenterNormalised
    {
        get
        {
            var medians = Recordings.Select(r => r.NormalisedMedian).OfType<double>().ToArray();
            return medians.Length == 0 ? null : MedianOf(medians);
        }
    }

    /// <summary>The most recent recording.</summary>
    public Recording Latest => Recordings[^1];

    /// <summary>Median of a non-empty list (mean of the two middle values for an even count).</summary>
    internal static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("The median of an empty list is undefined.", nameof(values));
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
