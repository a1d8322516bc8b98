using System.Globalization;

namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// Preconditions shared by the statistics: each failure names the argument and the offending value, so a
/// caller sees what to fix (a sample with a NaN, an empty baseline) rather than a silently wrong number.
/// </summary>
internal static class SampleGuard
{
    /// <summary>Rejects an empty sample or one holding NaN or ±Infinity.</summary>
    public static void RequireFiniteNonEmpty(ReadOnlySpan<double> values, string parameterName)
    {
        if (values.IsEmpty)
            throw new ArgumentException("The sample is empty: at least one value is needed.", parameterName);
        RequireFinite(values, parameterName);
    }

    /// <summary>Rejects a sample holding NaN or ±Infinity (an empty sample passes).</summary>
    public static void RequireFinite(ReadOnlySpan<double> values, string parameterName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The sample contains NaN at index {0}.", i), parameterName);
            if (double.IsInfinity(v))
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The sample contains {0} at index {1}.",
                        v > 0 ? "+Infinity" : "-Infinity", i), parameterName);
        }
    }

    /// <summary>Rejects a confidence level outside the open interval (0, 1).</summary>
    public static void RequireLevel(double level, string parameterName)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(parameterName, level,
                "The confidence level must lie strictly between 0 and 1 (e.g. 0.95).");
    }
}
