using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>
/// Reads and writes the <c>baselines.json</c> format (schema version 1, described by <c>baselines.schema.json</c>).
/// </summary>
/// <remarks>
/// Written by hand with <see cref="Utf8JsonWriter"/> rather than a serializer, so that the layout is fixed:
/// properties in schema order, profiles and benchmarks sorted by ordinal key, two-space indentation, "\n" line
/// ends and a trailing newline, sample arrays on one line, doubles in shortest round-trip form (invariant).
/// Non-ASCII characters are written as they are (UTF-8, no BOM); quotes, backslashes and control characters are
/// escaped. Reading ignores unknown properties and reports the first problem with its location.
/// </remarks>
internal static class BaselineJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses <paramref name="text"/>; returns the document, or null and a problem (without the file name).</summary>
    public static (BaselineDocument? Document, string? Problem) Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, "the file is empty");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
        using (json)
        {
            try
            {
                return (ReadDocument(json.RootElement), null);
            }
            catch (FormatProblem problem)
            {
                return (null, problem.Message);
            }
        }
    }

    /// <summary>The file text for <paramref name="document"/>: indented, stably ordered, with a trailing newline.</summary>
    public static string Write(BaselineDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", document.SchemaVersion);
            writer.WriteStartObject("profiles");
            foreach (var (id, profile) in document.Profiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(id);
                WriteMachine(writer, profile.Profile);
                writer.WriteStartObject("benchmarks");
                foreach (var (name, recordings) in profile.Benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartObject(name);
                    writer.WriteStartArray("recordings");
                    foreach (var recording in recordings)
                        WriteRecording(writer, recording);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteMachine(Utf8JsonWriter writer, MachineProfile profile)
    {
        writer.WriteStartObject("machine");
        writer.WriteString("description", profile.Description);
        writer.WriteString("cpuModel", profile.CpuModel);
        writer.WriteNumber("logicalCores", profile.LogicalCores);
        writer.WriteString("operatingSystem", profile.OperatingSystem);
        writer.WriteString("runtimeVersion", profile.RuntimeVersion);
        writer.WriteString("engineVersion", profile.EngineVersion);
        writer.WriteString("engineSettings", profile.EngineSettings);
        writer.WriteEndObject();
    }

    private static void WriteRecording(Utf8JsonWriter writer, Recording recording)
    {
        writer.WriteStartObject();
        writer.WriteString("recordedAt", recording.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        if (recording.Commit is null)
            writer.WriteNull("commit");
        else
            writer.WriteString("commit", recording.Commit);
        writer.WriteNumber("operationsPerSample", recording.OperationsPerSample);
        writer.WriteStartObject("nanosecondsPerOperation");
        writer.WriteNumber("n", recording.Time.N);
        writer.WriteNumber("mean", recording.Time.Mean);
        writer.WriteNumber("standardDeviation", recording.Time.StandardDeviation);
        writer.WriteNumber("min", recording.Time.Min);
        writer.WriteNumber("max", recording.Time.Max);
        writer.WriteNumber("median", recording.Time.Median);
        writer.WriteNumber("q1", recording.Time.Q1);
        writer.WriteNumber("q3", recording.Time.Q3);
        writer.WriteEndObject();
        writer.WriteNumber("allocatedBytesPerOperation", recording.AllocatedBytesPerOperation);
        writer.WriteStartObject("gc");
        writer.WriteNumber("gen0", recording.Gc.Gen0);
        writer.WriteNumber("gen1", recording.Gc.Gen1);
        writer.WriteNumber("gen2", recording.Gc.Gen2);
        writer.WriteEndObject();
        writer.WriteNumber("totalOperations", recording.TotalOperations);
        writer.WritePropertyName("samples");
        writer.WriteRawValue(OneLineArray(recording.Samples));
        writer.WritePropertyName("normalisedSamples");
        writer.WriteRawValue(OneLineArray(recording.NormalisedSamples));
        if (recording.StateSamples.Count > 0)
        {
            writer.WriteStartObject("stateSamples");
            foreach (var (name, values) in recording.StateSamples.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(OneLineArray(values));
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary><c>[1.5, 2, 3.25]</c>: shortest round-trip invariant numbers on one line.</summary>
    private static string OneLineArray(IReadOnlyList<double> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    private static BaselineDocument ReadDocument(JsonElement root)
    {
        const string at = "$";
        Expect(root, JsonValueKind.Object, at);
        if (!root.TryGetProperty("schemaVersion", out var versionElement))
            throw new FormatProblem("missing 'schemaVersion' at the top level: not a baselines file, or one written before versioning");
        if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out var version))
            throw new FormatProblem($"'schemaVersion' must be an integer, found {Describe(versionElement)}");
        if (version != BaselineDocument.CurrentSchemaVersion)
            throw new FormatProblem(
                $"schemaVersion {version} is not supported (this framework reads {BaselineDocument.CurrentSchemaVersion}); " +
                "use the framework version that wrote it, or move the file away and record new baselines");

        var profiles = ImmutableSortedDictionary.CreateBuilder<string, ProfileBaselines>(StringComparer.Ordinal);
        foreach (var property in Required(root, "profiles", JsonValueKind.Object, at).EnumerateObject())
        {
            var profileAt = $"{at}.profiles[{Quote(property.Name)}]";
            if (profiles.ContainsKey(property.Name))
                throw new FormatProblem($"{profileAt}: profile id appears twice");
            profiles[property.Name] = ReadProfile(property.Name, property.Value, profileAt);
        }
        return new BaselineDocument(version, profiles.ToImmutable());
    }

    private static ProfileBaselines ReadProfile(string id, JsonElement element, string at)
    {
        Expect(element, JsonValueKind.Object, at);
        if (string.IsNullOrWhiteSpace(id))
            throw new FormatProblem($"{at}: a profile id must not be empty");
        var machineAt = at + ".machine";
        var machine = Required(element, "machine", JsonValueKind.Object, at);
        var cores = Int32(machine, "logicalCores", machineAt);
        if (cores < 1)
            throw new FormatProblem($"{machineAt}.logicalCores: must be at least 1, found {cores}");
        var profile = new MachineProfile(
            String(machine, "cpuModel", machineAt),
            cores,
            String(machine, "operatingSystem", machineAt),
            String(machine, "runtimeVersion", machineAt),
            String(machine, "engineVersion", machineAt),
            String(machine, "engineSettings", machineAt)).WithIdOverride(id);

        var benchmarks = ImmutableSortedDictionary.CreateBuilder<string, IReadOnlyList<Recording>>(StringComparer.Ordinal);
        foreach (var benchmark in Required(element, "benchmarks", JsonValueKind.Object, at).EnumerateObject())
        {
            var benchmarkAt = $"{at}.benchmarks[{Quote(benchmark.Name)}]";
            if (benchmarks.ContainsKey(benchmark.Name))
                throw new FormatProblem($"{benchmarkAt}: benchmark appears twice");
            Expect(benchmark.Value, JsonValueKind.Object, benchmarkAt);
            var recordings = new List<Recording>();
            var index = 0;
            foreach (var recording in Required(benchmark.Value, "recordings", JsonValueKind.Array, benchmarkAt).EnumerateArray())
                recordings.Add(ReadRecording(recording, $"{benchmarkAt}.recordings[{index++}]"));
            benchmarks[benchmark.Name] = recordings;
        }
        return new ProfileBaselines(profile, benchmarks.ToImmutable());
    }

    private static Recording ReadRecording(JsonElement element, string at)
    {
        Expect(element, JsonValueKind.Object, at);
        var recordedAtText = String(element, "recordedAt", at);
        if (!DateTimeOffset.TryParse(recordedAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var recordedAt))
            throw new FormatProblem($"{at}.recordedAt: '{recordedAtText}' is not an ISO-8601 date and time");
        var commitElement = Property(element, "commit", at);
        var commit = commitElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => commitElement.GetString(),
            _ => throw new FormatProblem($"{at}.commit: must be a string or null, found {Describe(commitElement)}"),
        };
        var timeAt = at + ".nanosecondsPerOperation";
        var time = Required(element, "nanosecondsPerOperation", JsonValueKind.Object, at);
        var summary = new RecordedSummary(
            Int32(time, "n", timeAt), Double(time, "mean", timeAt), Double(time, "standardDeviation", timeAt),
            Double(time, "min", timeAt), Double(time, "max", timeAt), Double(time, "median", timeAt),
            Double(time, "q1", timeAt), Double(time, "q3", timeAt));
        var gcAt = at + ".gc";
        var gc = Required(element, "gc", JsonValueKind.Object, at);
        var recording = new Recording(
            recordedAt,
            commit,
            Int64(element, "operationsPerSample", at),
            summary,
            Doubles(element, "samples", at),
            Doubles(element, "normalisedSamples", at),
            Double(element, "allocatedBytesPerOperation", at),
            new GcCounts(Int32(gc, "gen0", gcAt), Int32(gc, "gen1", gcAt), Int32(gc, "gen2", gcAt)),
            Int64(element, "totalOperations", at))
        {
            StateSamples = ReadStateSamples(element, at),
        };
        var problem = recording.Problem();
        if (problem is not null)
            throw new FormatProblem($"{at}: {problem}");
        return recording;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<double>> ReadStateSamples(JsonElement element, string at)
    {
        if (!element.TryGetProperty("stateSamples", out var state))
            return Recording.EmptyState;
        Expect(state, JsonValueKind.Object, at + ".stateSamples");
        var probes = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var probe in state.EnumerateObject())
            probes[probe.Name] = Doubles(state, probe.Name, at + ".stateSamples");
        return probes;
    }

    private static JsonElement Property(JsonElement parent, string name, string at) =>
        parent.TryGetProperty(name, out var value)
            ? value
            : throw new FormatProblem($"{at}: missing required property '{name}'");

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind, string at)
    {
        var value = Property(parent, name, at);
        Expect(value, kind, $"{at}.{name}");
        return value;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string at)
    {
        if (element.ValueKind != kind)
            throw new FormatProblem($"{at}: expected {Article(kind)}, found {Describe(element)}");
    }

    private static string String(JsonElement parent, string name, string at) =>
        Required(parent, name, JsonValueKind.String, at).GetString()!;

    private static int Int32(JsonElement parent, string name, string at) =>
        Required(parent, name, JsonValueKind.Number, at).TryGetInt32(out var value)
            ? value
            : throw new FormatProblem($"{at}.{name}: must be a 32-bit integer, found {Describe(parent.GetProperty(name))}");

    private static long Int64(JsonElement parent, string name, string at) =>
        Required(parent, name, JsonValueKind.Number, at).TryGetInt64(out var value)
            ? value
            : throw new FormatProblem($"{at}.{name}: must be an integer, found {Describe(parent.GetProperty(name))}");

    private static double Double(JsonElement parent, string name, string at) =>
        Required(parent, name, JsonValueKind.Number, at).TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new FormatProblem($"{at}.{name}: must be a finite number, found {Describe(parent.GetProperty(name))}");

    private static double[] Doubles(JsonElement parent, string name, string at)
    {
        var array = Required(parent, name, JsonValueKind.Array, at);
        var values = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value))
                throw new FormatProblem($"{at}.{name}[{i}]: must be a finite number, found {Describe(item)}");
            values[i++] = value;
        }
        return values;
    }

    private static string Describe(JsonElement element)
    {
        var raw = element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => element.GetRawText(),
        };
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string name) => JsonSerializer.Serialize(name, QuoteOptions);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>A problem in the file's content; caught in <see cref="Parse"/> and turned into a message.</summary>
    private sealed class FormatProblem(string message) : Exception(message);
}
