using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ActiveInference.Benchmarking.Statistics;

/// <summary>Confidence interval of a population mean from the Student t distribution: mean ± t(1 − α/2; n − 1)·s/√n.</summary>
internal static class StudentMeanInterval
{
    /// <summary>
    /// The two-sided <paramref name="level"/> interval of the mean, in the unit of the values.
    /// With a single value there is no estimate of spread: the interval degenerates to [mean, mean] and its
    /// <see cref="ConfidenceInterval.Level"/> is reported as 0 (no coverage is claimed), so callers can tell.
    /// </summary>
    /// <param name="mean">Sample mean.</param>
    /// <param name="standardDeviation">Sample standard deviation (n − 1 denominator), ≥ 0.</param>
    /// <param name="count">Number of values, ≥ 1.</param>
    /// <param name="level">Confidence level in (0, 1), e.g. 0.95.</param>
    public static ConfidenceInterval Compute(double mean, double standardDeviation, int count, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!double.IsFinite(mean))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The mean must be finite, got {mean}."), nameof(mean));
        if (!(standardDeviation >= 0) || double.IsInfinity(standardDeviation))
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The standard deviation must be finite and non-negative, got {standardDeviation}."),
                nameof(standardDeviation));
        SampleGuard.RequireLevel(level, nameof(level));

        if (count == 1)
            return new ConfidenceInterval(mean, mean, 0);

        var t = StudentT.InvCDF(0, 1, count - 1, 1 - (1 - level) / 2);
        var halfWidth = t * standardDeviation / Math.Sqrt(count);
        return new ConfidenceInterval(mean - halfWidth, mean + halfWidth, level);
    }
}
