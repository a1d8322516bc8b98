namespace ActiveInference.Benchmarking.Statistics;

/// <summary>Seeded percentile bootstrap confidence interval of the difference of medians, median(X) − median(Y).</summary>
internal static class PercentileBootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>Default seed, so that two runs over the same data report the same interval.</summary>
    public const ulong DefaultSeed = 0x5EED_0F_B007_57A9UL;

    /// <summary>
    /// The two-sided <paramref name="level"/> interval of median(X) − median(Y), in the unit of the samples (positive
    /// when X is larger). Deterministic for a given <paramref name="seed"/>; inputs are not changed.
    /// </summary>
    /// <param name="x">First sample (e.g. current log-ratios).</param>
    /// <param name="y">Second sample (e.g. baseline log-ratios).</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="resamples">Number of bootstrap resamples, at least 2.</param>
    /// <param name="seed">Seed of the random index stream.</param>
    /// <exception cref="ArgumentException">A sample is empty or contains NaN or ±Infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1) or fewer than 2 resamples are asked for.</exception>
    public static ConfidenceInterval MedianDifference(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        double level = 0.95,
        int resamples = DefaultResamples,
        ulong seed = DefaultSeed)
    {
        SampleGuard.RequireFiniteNonEmpty(x, nameof(x));
        SampleGuard.RequireFiniteNonEmpty(y, nameof(y));
        SampleGuard.RequireLevel(level, nameof(level));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);

        var scratchX = new double[x.Length];
        var scratchY = new double[y.Length];
        var differences = new double[resamples];
        var random = new SplitMix64(seed);

        for (var b = 0; b < resamples; b++)
        {
            Resample(x, scratchX, ref random);
            Resample(y, scratchY, ref random);
            differences[b] = QuickSelect.Median(scratchX) - QuickSelect.Median(scratchY);
        }

        Array.Sort(differences);
        var alpha = 1 - level;
        return new ConfidenceInterval(
            Quantile.OfSorted(differences, alpha / 2),
            Quantile.OfSorted(differences, 1 - alpha / 2),
            level);
    }

    private static void Resample(ReadOnlySpan<double> source, double[] target, ref SplitMix64 random)
    {
        var size = (ulong)source.Length;
        for (var i = 0; i < target.Length; i++)
            target[i] = source[(int)Math.BigMul(random.Next(), size, out _)];
    }

    // SplitMix64: a 64-bit counter passed through a mixing function; fixed constants, so the stream never changes.
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
