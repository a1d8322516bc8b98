using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>
/// Reads and writes the <c>baselines.json</c> format (schema version 2, described by <c>baselines.schema.json</c>) and
/// its samples file (<see cref="BaselineStore.SamplesPathFor"/>); reads schema version 1 too.
/// </summary>
internal static class BaselineJson
{
    /// <summary>The oldest schema version read (samples inline in <c>baselines.json</c>).</summary>
    public const int InlineSamplesSchemaVersion = 1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses <paramref name="text"/>: the document (version 2: without samples), or null and a problem.</summary>
    public static (BaselineDocument? Document, string? Problem) Parse(string text)
    {
        var (document, _, problem) = Read(text);
        return (document, problem);
    }

    /// <summary>As <see cref="Parse"/>, also saying which schema version the text had.</summary>
    public static (BaselineDocument? Document, int Version, string? Problem) Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, 0, "the file is empty");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return (null, 0, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
        using (json)
        {
            try
            {
                var (document, version) = ReadDocument(json.RootElement);
                return (document, version, null);
            }
            catch (FormatProblem problem)
            {
                return (null, 0, problem.Message);
            }
        }
    }

    /// <summary>
    /// <paramref name="document"/> with each recording's samples from the samples file's <paramref name="text"/>
    /// (matched by profile, benchmark and <c>recordedAt</c>), or null and the problem.
    /// </summary>
    public static (BaselineDocument? Document, string? Problem) AttachSamples(BaselineDocument document, string text)
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
                return (ReadSamples(document, json.RootElement), null);
            }
            catch (FormatProblem problem)
            {
                return (null, problem.Message);
            }
        }
    }

    /// <summary>The <c>baselines.json</c> text for <paramref name="document"/>: summaries only, one line per recording.</summary>
    public static string Write(BaselineDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", BaselineDocument.CurrentSchemaVersion);
            writer.WriteStartObject("profiles");
            foreach (var (id, profile) in document.Profiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(id);
                WriteMachine(writer, profile.Profile);
                writer.WriteStartObject("benchmarks");
                foreach (var (name, recordings) in profile.Benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartObject(name);
                    writer.WritePropertyName("recordings");
                    writer.WriteRawValue(RecordingLines(recordings));
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

    /// <summary>The samples file's text for <paramref name="document"/>; recordings without samples are left out.</summary>
    public static string WriteSamples(BaselineDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", BaselineDocument.CurrentSchemaVersion);
            writer.WriteString("about", "Raw samples of the recordings in the baselines file next to this one, for the fallback gate (recorded numbers). Generated; not for review.");
            writer.WriteStartObject("profiles");
            foreach (var (id, profile) in document.Profiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(id);
                writer.WriteStartObject("benchmarks");
                foreach (var (name, recordings) in profile.Benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartObject(name);
                    writer.WriteStartArray("recordings");
                    foreach (var recording in recordings.Where(r => r.Samples.Count > 0))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("recordedAt", RecordedAtText(recording));
                        WriteSampleArrays(writer, recording);
                        writer.WriteEndObject();
                    }
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

    private static string RecordedAtText(Recording recording) =>
        recording.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The <c>recordings</c> array with one recording per line, indented as the writer would at its depth.</summary>
    private static string RecordingLines(IReadOnlyList<Recording> recordings)
    {
        const string itemIndent = "\n            ";
        const string closingIndent = "\n          ";
        return recordings.Count == 0
            ? "[]"
            : "[" + string.Join(",", recordings.Select(r => itemIndent + OneLine(r))) + closingIndent + "]";
    }

    /// <summary>A recording's summary as one line of compact JSON, in schema order.</summary>
    private static string OneLine(Recording recording)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, LineOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("recordedAt", RecordedAtText(recording));
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
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteSampleArrays(Utf8JsonWriter writer, Recording recording)
    {
        writer.WritePropertyName("samples");
        writer.WriteRawValue(OneLineArray(recording.Samples));
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
    }

    /// <summary><c>[1.5, 2, 3.25]</c>: shortest round-trip invariant numbers on one line.</summary>
    private static string OneLineArray(IReadOnlyList<double> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    private static (BaselineDocument Document, int Version) ReadDocument(JsonElement root)
    {
        const string at = "$";
        Expect(root, JsonValueKind.Object, at);
        if (!root.TryGetProperty("schemaVersion", out var versionElement))
            throw new FormatProblem("missing 'schemaVersion' at the top level: not a baselines file, or one written before versioning");
        if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out var version))
            throw new FormatProblem($"'schemaVersion' must be an integer, found {Describe(versionElement)}");
        if (version is < InlineSamplesSchemaVersion or > BaselineDocument.CurrentSchemaVersion)
            throw new FormatProblem(
                $"schemaVersion {version} is not supported (this framework reads {InlineSamplesSchemaVersion} to {BaselineDocument.CurrentSchemaVersion}); " +
                "use the framework version that wrote it, or move the file away and record new baselines");

        var profiles = ImmutableSortedDictionary.CreateBuilder<string, ProfileBaselines>(StringComparer.Ordinal);
        foreach (var property in Required(root, "profiles", JsonValueKind.Object, at).EnumerateObject())
        {
            var profileAt = $"{at}.profiles[{Quote(property.Name)}]";
            if (profiles.ContainsKey(property.Name))
                throw new FormatProblem($"{profileAt}: profile id appears twice");
            profiles[property.Name] = ReadProfile(property.Name, property.Value, profileAt, version == InlineSamplesSchemaVersion);
        }
        // Held in memory as the current version whatever the file's was: writing it again upgrades it.
        return (new BaselineDocument(BaselineDocument.CurrentSchemaVersion, profiles.ToImmutable()), version);
    }

    private static ProfileBaselines ReadProfile(string id, JsonElement element, string at, bool inlineSamples)
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
                recordings.Add(ReadRecording(recording, $"{benchmarkAt}.recordings[{index++}]", inlineSamples));
            benchmarks[benchmark.Name] = recordings;
        }
        return new ProfileBaselines(profile, benchmarks.ToImmutable());
    }

    private static Recording ReadRecording(JsonElement element, string at, bool inlineSamples)
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
            inlineSamples ? Doubles(element, "samples", at) : [],
            Double(element, "allocatedBytesPerOperation", at),
            new GcCounts(Int32(gc, "gen0", gcAt), Int32(gc, "gen1", gcAt), Int32(gc, "gen2", gcAt)),
            Int64(element, "totalOperations", at))
        {
            StateSamples = inlineSamples ? ReadStateSamples(element, at) : Recording.EmptyState,
        };
        var problem = recording.Problem(samplesRequired: inlineSamples);
        if (problem is not null)
            throw new FormatProblem($"{at}: {problem}");
        return recording;
    }

    private static BaselineDocument ReadSamples(BaselineDocument document, JsonElement root)
    {
        const string at = "$";
        Expect(root, JsonValueKind.Object, at);
        if (!root.TryGetProperty("schemaVersion", out var versionElement) || versionElement.ValueKind != JsonValueKind.Number
            || !versionElement.TryGetInt32(out var version))
            throw new FormatProblem("missing or non-integer 'schemaVersion' at the top level: not a baselines samples file");
        if (version != BaselineDocument.CurrentSchemaVersion)
            throw new FormatProblem($"schemaVersion {version} is not supported for a samples file (this framework reads {BaselineDocument.CurrentSchemaVersion})");
        var stored = Required(root, "profiles", JsonValueKind.Object, at);
        var profiles = ImmutableSortedDictionary.CreateBuilder<string, ProfileBaselines>(StringComparer.Ordinal);
        foreach (var (id, profile) in document.Profiles)
        {
            var profileAt = $"{at}.profiles[{Quote(id)}]";
            JsonElement? benchmarksElement = null;
            if (stored.TryGetProperty(id, out var profileElement))
            {
                Expect(profileElement, JsonValueKind.Object, profileAt);
                benchmarksElement = Required(profileElement, "benchmarks", JsonValueKind.Object, profileAt);
            }
            var benchmarks = ImmutableSortedDictionary.CreateBuilder<string, IReadOnlyList<Recording>>(StringComparer.Ordinal);
            foreach (var (name, recordings) in profile.Benchmarks)
            {
                var benchmarkAt = $"{profileAt}.benchmarks[{Quote(name)}]";
                var byTime = new Dictionary<DateTimeOffset, Queue<(JsonElement Element, string At)>>();
                if (benchmarksElement is { } all && all.TryGetProperty(name, out var benchmarkElement))
                {
                    Expect(benchmarkElement, JsonValueKind.Object, benchmarkAt);
                    var index = 0;
                    foreach (var entry in Required(benchmarkElement, "recordings", JsonValueKind.Array, benchmarkAt).EnumerateArray())
                    {
                        var entryAt = $"{benchmarkAt}.recordings[{index++}]";
                        Expect(entry, JsonValueKind.Object, entryAt);
                        var text = String(entry, "recordedAt", entryAt);
                        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var recordedAt))
                            throw new FormatProblem($"{entryAt}.recordedAt: '{text}' is not an ISO-8601 date and time");
                        if (!byTime.TryGetValue(recordedAt, out var queue))
                            byTime[recordedAt] = queue = new Queue<(JsonElement, string)>();
                        queue.Enqueue((entry, entryAt));
                    }
                }
                benchmarks[name] = recordings.Select(recording =>
                {
                    if (!byTime.TryGetValue(recording.RecordedAt, out var queue) || !queue.TryDequeue(out var match))
                        return recording;
                    var withSamples = recording with
                    {
                        Samples = Doubles(match.Element, "samples", match.At),
                        StateSamples = ReadStateSamples(match.Element, match.At),
                    };
                    var problem = withSamples.Problem();
                    return problem is null ? withSamples : throw new FormatProblem($"{match.At}: {problem}");
                }).ToArray();
            }
            profiles[id] = profile with { Benchmarks = benchmarks.ToImmutable() };
        }
        return document with { Profiles = profiles.ToImmutable() };
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
