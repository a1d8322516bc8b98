using System.Globalization;

namespace ActiveInference.Benchmarking.Formatting;

/// <summary>Writes nanoseconds in the unit that reads best (ns, µs, ms, s), four significant digits, invariant culture: <c>12.93 µs</c>.</summary>
internal static class ReadableTime
{
    /// <summary>Formats <paramref name="nanoseconds"/> with its unit; <c>n/a</c> for NaN or infinity.</summary>
    public static string Format(double nanoseconds) => Format(nanoseconds, TimeUnit.For(nanoseconds));

    /// <summary>Formats <paramref name="nanoseconds"/> in a given <paramref name="unit"/> (to align a column or an interval's bounds).</summary>
    public static string Format(double nanoseconds, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!double.IsFinite(nanoseconds))
        {
            return "n/a";
        }

        return FormatNumber(nanoseconds / unit.Nanoseconds) + " " + unit.Symbol;
    }

    /// <summary>Formats a plain number with four significant digits (at least one decimal place kept), invariant culture.</summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        var magnitude = Math.Abs(value);
        var format = magnitude < 10 ? "0.000" : magnitude < 100 ? "0.00" : "0.0";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0.000" || text == "-0.00" || text == "-0.0" ? text[1..] : text;
    }
}
