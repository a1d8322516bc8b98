using System.Globalization;
using System.Text;
using System.Text.Json;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.History;

/// <summary>
/// Writes and reads <see cref="AnchoredRun"/> files: the run's fields first, then one line per benchmark, numbers to 5
/// significant digits (far below any noise floor), so a file diffs line by line and stays small.
/// </summary>
internal static class AnchoredRunJson
{
    private const int SignificantDigits = 5;

    /// <summary>The file's text, deterministic for a given run.</summary>
    public static string Write(AnchoredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.Append("{\n");
        Field(text, "schema", AnchoredRun.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture));
        Field(text, "commit", Quote(run.Commit));
        Field(text, "parent", run.ParentCommit is null ? "null" : Quote(run.ParentCommit));
        Field(text, "date", Quote(run.Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        Field(text, "branch", run.Branch is null ? "null" : Quote(run.Branch));
        Field(text, "anchor", Quote(run.AnchorCommit));
        Field(text, "machineProfile", Quote(run.MachineProfileId));
        Field(text, "threshold", Number(run.Threshold));
        text.Append("  \"benchmarks\": [\n");
        var ordered = run.Benchmarks.OrderBy(b => b.FullName, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            text.Append("    ").Append(Line(ordered[i])).Append(i + 1 < ordered.Length ? ",\n" : "\n");
        }

        text.Append("  ]\n}\n");
        return text.ToString();
    }

    /// <summary>The file's bytes: <see cref="Write"/> in UTF-8 without a byte-order mark.</summary>
    public static byte[] Utf8Bytes(AnchoredRun run) => AtomicFile.Utf8.GetBytes(Write(run));

    /// <summary>Reads a run from <paramref name="json"/>; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="HistoryFileException">Not JSON, a newer schema, or a field missing or of the wrong kind (its JSON path named).</exception>
    public static AnchoredRun Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new HistoryFileException(source, $"not valid JSON ({error.Message}); restore it from git or delete it", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new HistoryFileException(source, "$ must be an object");
            var schema = Required(root, "schema", "$", source);
            if (schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version < 1)
                throw new HistoryFileException(source, "$.schema must be a whole number ≥ 1");
            if (version > AnchoredRun.CurrentSchemaVersion)
                throw new HistoryFileException(source, $"schema version {version} is newer than this tool's {AnchoredRun.CurrentSchemaVersion}; update the tool");
            var benchmarks = Required(root, "benchmarks", "$", source);
            if (benchmarks.ValueKind != JsonValueKind.Array)
                throw new HistoryFileException(source, "$.benchmarks must be an array");
            var entries = new List<AnchoredEntry>();
            var index = 0;
            foreach (var item in benchmarks.EnumerateArray())
            {
                entries.Add(Entry(item, $"$.benchmarks[{index++}]", source));
            }

            var date = Text(root, "date", "$", source);
            if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                throw new HistoryFileException(source, $"$.date must be an ISO 8601 date, not '{date}'");
            return new AnchoredRun(
                Text(root, "commit", "$", source),
                OptionalText(root, "parent", "$", source),
                when.ToUniversalTime(),
                OptionalText(root, "branch", "$", source),
                Text(root, "anchor", "$", source),
                Text(root, "machineProfile", "$", source),
                OptionalNumber(root, "threshold", "$", source) ?? 0.10,
                entries);
        }
    }

    private static string Line(AnchoredEntry entry)
    {
        var line = new StringBuilder();
        line.Append("{\"name\":").Append(Quote(entry.FullName));
        line.Append(",\"verdict\":").Append(Quote(entry.Verdict.ToString()));
        if (entry.Ratio is { } ratio)
            line.Append(",\"ratio\":").Append(Number(ratio));
        if (entry.Lower is { } lower && entry.Upper is { } upper)
            line.Append(",\"interval\":[").Append(Number(lower)).Append(',').Append(Number(upper)).Append(']');
        if (entry.NoiseFloor is { } floor)
            line.Append(",\"floor\":").Append(Number(floor));
        if (entry.Processes > 0)
            line.Append(",\"processes\":").Append(entry.Processes.ToString(CultureInfo.InvariantCulture)).Append(",\"copies\":").Append(entry.CopiesPerSide.ToString(CultureInfo.InvariantCulture));
        if (entry.RawAnchorMedianNanoseconds is { } rawAnchor)
            line.Append(",\"rawAnchorNs\":").Append(Number(rawAnchor));
        if (entry.RawCurrentMedianNanoseconds is { } rawCurrent)
            line.Append(",\"rawNs\":").Append(Number(rawCurrent));
        if (entry.BytesPerOperation is { } bytes)
            line.Append(",\"bytesPerOp\":").Append(Number(bytes));
        if (entry.Threshold is { } threshold)
            line.Append(",\"threshold\":").Append(Number(threshold));
        return line.Append('}').ToString();
    }

    private static AnchoredEntry Entry(JsonElement item, string path, string source)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new HistoryFileException(source, $"{path} must be an object");
        var verdictText = Text(item, "verdict", path, source);
        if (!Enum.TryParse<Verdict>(verdictText, ignoreCase: false, out var verdict) || !Enum.IsDefined(verdict))
            throw new HistoryFileException(source, $"{path}.verdict '{verdictText}' is not one of {string.Join(", ", Enum.GetNames<Verdict>())}");
        double? lower = null, upper = null;
        if (item.TryGetProperty("interval", out var interval) && interval.ValueKind != JsonValueKind.Null)
        {
            if (interval.ValueKind != JsonValueKind.Array || interval.GetArrayLength() != 2
                || interval[0].ValueKind != JsonValueKind.Number || interval[1].ValueKind != JsonValueKind.Number)
                throw new HistoryFileException(source, $"{path}.interval must be [lower, upper]");
            (lower, upper) = (interval[0].GetDouble(), interval[1].GetDouble());
        }

        var ratio = OptionalNumber(item, "ratio", path, source);
        if (ratio is <= 0)
            throw new HistoryFileException(source, $"{path}.ratio must be positive");
        return new AnchoredEntry(
            Text(item, "name", path, source),
            verdict,
            ratio,
            lower,
            upper,
            OptionalNumber(item, "floor", path, source),
            (int)(OptionalNumber(item, "processes", path, source) ?? 0),
            (int)(OptionalNumber(item, "copies", path, source) ?? 0),
            OptionalNumber(item, "rawAnchorNs", path, source),
            OptionalNumber(item, "rawNs", path, source),
            OptionalNumber(item, "bytesPerOp", path, source))
        {
            Threshold = OptionalNumber(item, "threshold", path, source),
        };
    }

    private static void Field(StringBuilder text, string name, string value) => text.Append("  \"").Append(name).Append("\": ").Append(value).Append(",\n");

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    /// <summary>The value to <see cref="SignificantDigits"/> significant digits, shortest form.</summary>
    private static string Number(double value)
    {
        if (!double.IsFinite(value))
            return "null";
        var rounded = double.Parse(value.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded.ToString("R", CultureInfo.InvariantCulture);
    }

    private static JsonElement Required(JsonElement parent, string name, string path, string source) =>
        parent.TryGetProperty(name, out var value) ? value : throw new HistoryFileException(source, $"{path}.{name} is missing");

    private static string Text(JsonElement parent, string name, string path, string source)
    {
        var value = Required(parent, name, path, source);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new HistoryFileException(source, $"{path}.{name} must be a non-empty string");
    }

    private static string? OptionalText(JsonElement parent, string name, string path, string source)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new HistoryFileException(source, $"{path}.{name} must be a string or null");
    }

    private static double? OptionalNumber(JsonElement parent, string name, string path, string source)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble())
            ? value.GetDouble()
            : throw new HistoryFileException(source, $"{path}.{name} must be a number or null");
    }
}
