using System.Globalization;

namespace ActiveInference.Benchmarking.Formatting;

/// <summary>
/// Every number a person reads, in one form and the invariant culture: times in the unit that reads best
/// (<c>12.93 µs</c>), ratios as signed changes (<c>+12.3%</c>), spreads as <c>±2.1%</c>.
/// </summary>
internal static class Readable
{
    /// <summary>Nanoseconds with their unit (ns, µs, ms, s), four significant digits; <c>n/a</c> for NaN or infinity.</summary>
    public static string Time(double nanoseconds) => Time(nanoseconds, TimeUnit.For(nanoseconds));

    /// <summary>Nanoseconds in a given <paramref name="unit"/> (to align a column or an interval's bounds).</summary>
    public static string Time(double nanoseconds, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return double.IsFinite(nanoseconds) ? Number(nanoseconds / unit.Nanoseconds) + " " + unit.Symbol : "n/a";
    }

    /// <summary>A plain number with four significant digits (at least one decimal place kept); <c>n/a</c> for NaN or infinity.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
            return "n/a";
        var magnitude = Math.Abs(value);
        var format = magnitude < 10 ? "0.000" : magnitude < 100 ? "0.00" : "0.0";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text is "-0.000" or "-0.00" or "-0.0" ? text[1..] : text;
    }

    /// <summary>A ratio (current ÷ baseline) as a signed percentage change with one decimal: 1.234 → <c>+23.4%</c>; <c>n/a</c> when not finite.</summary>
    public static string Change(double ratio) =>
        double.IsFinite(ratio) ? ((ratio - 1) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>A fraction (a threshold) as a percentage without needless decimals: 0.1 → <c>10%</c>, 0.125 → <c>12.5%</c>.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A symmetric relative spread (a noise floor) with one decimal: 0.021 → <c>±2.1%</c>.</summary>
    public static string Spread(double fraction) => "±" + (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
