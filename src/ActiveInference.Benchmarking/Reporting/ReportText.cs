using System.Globalization;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>The small invariant-culture phrasings the text reports share, so the csv, txt and markdown files agree.</summary>
internal static class ReportText
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>ISO 8601 in UTC with seven fractional digits, e.g. <c>2025-03-01T12:00:00.0000000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses what <see cref="Timestamp(DateTimeOffset)"/> wrote (any ISO 8601 form is accepted).</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Short UTC time for people: <c>2025-03-01 12:00:00 UTC</c>.</summary>
    public static string ReadableTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A number that reads back exactly (shortest round-trip form); empty for NaN or infinity.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary><see cref="Number(double)"/> for an optional value; empty for null.</summary>
    public static string Number(double? value) => value is { } v ? Number(v) : "";

    /// <summary>An integer, invariant culture.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Bytes per operation for people: whole bytes below 10, otherwise rounded, e.g. <c>0</c>, <c>2.5</c>, <c>1024</c>.</summary>
    public static string Bytes(double bytesPerOperation) =>
        double.IsFinite(bytesPerOperation)
            ? bytesPerOperation.ToString(Math.Abs(bytesPerOperation) < 10 ? "0.#" : "0", CultureInfo.InvariantCulture)
            : "n/a";

    /// <summary>Collections per generation: <c>0/0/0</c>.</summary>
    public static string Gc(GcCounts gc) =>
        string.Create(CultureInfo.InvariantCulture, $"{gc.Gen0}/{gc.Gen1}/{gc.Gen2}");

    /// <summary>The verdict's name, or <c>-</c> when no gate ran; <c>(untrusted)</c> is appended when the numbers cannot be trusted.</summary>
    public static string Verdict(GatedResult result)
    {
        var verdict = result.Gate?.Verdict.ToString() ?? "-";
        return result.Measured.IsTrustworthy ? verdict : verdict + " (untrusted)";
    }

    /// <summary>The verdict's name as written in machine-readable files (<c>regressed</c>, <c>not_compared</c>), empty when no gate ran.</summary>
    public static string VerdictKey(Verdict? verdict) =>
        verdict is null ? "" : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(verdict.Value.ToString());

    /// <summary>Replaces line breaks, tabs and other control characters with visible escapes, so a name stays on one line.</summary>
    public static string SingleLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
