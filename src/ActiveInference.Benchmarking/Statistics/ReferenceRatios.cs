namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// The benchmark's time over the reference workload's, per sample: ln(benchmark ns/op ÷ reference ns/op). Derived from
/// the samples and the reference workload's state column wherever it is needed, never stored next to them.
/// </summary>
internal static class ReferenceRatios
{
    /// <summary>
    /// Each sample's ln(<paramref name="samples"/>[i] ÷ <paramref name="reference"/>[i]), in order, non-finite values
    /// (a sample ≤ 0 after the overhead was subtracted) left out; empty when there is no reference column or it is not
    /// aligned with the samples (another length).
    /// </summary>
    /// <param name="samples">The benchmark's ns/op per sample.</param>
    /// <param name="reference">The reference workload's ns/op timed after each sample, or null when it did not run.</param>
    public static double[] Of(IReadOnlyList<double> samples, IReadOnlyList<double>? reference)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (reference is null || reference.Count != samples.Count) return [];
        var normalised = new List<double>(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            var value = Math.Log(samples[i] / reference[i]);
            if (double.IsFinite(value)) normalised.Add(value);
        }
        return [.. normalised];
    }

    /// <summary>
    /// The reference column that gives <paramref name="normalised"/> back from <paramref name="samples"/>:
    /// <paramref name="samples"/>[i] ÷ exp(<paramref name="normalised"/>[i]) (equal up to rounding); null when the two
    /// are not aligned (another length, as when non-finite values were left out) or a value is not a finite number &gt; 0.
    /// </summary>
    public static double[]? Reference(IReadOnlyList<double> samples, IReadOnlyList<double> normalised)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(normalised);
        if (normalised.Count == 0 || normalised.Count != samples.Count) return null;
        var reference = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            reference[i] = samples[i] / Math.Exp(normalised[i]);
            if (!double.IsFinite(reference[i]) || reference[i] <= 0) return null;
        }
        return reference;
    }
}
