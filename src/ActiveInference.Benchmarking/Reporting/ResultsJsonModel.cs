using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// The shape of <c>results.json</c> (schema <see cref="CurrentSchemaVersion"/>) as transfer objects, and the shared
/// serializer options.
/// </summary>
internal static class ResultsJsonModel
{
    /// <summary>Version written into <c>schema_version</c>; raise it (and teach the reader) when the shape changes.</summary>
    public const int CurrentSchemaVersion = 1;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>JSON has no NaN or infinity: such values are written as null and read back as NaN.</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    public sealed class RunDto
    {
        public required string BenchmarkSuite { get; init; }
        public required string Timestamp { get; init; }
        public required IReadOnlyDictionary<string, string> Config { get; init; }
        public required int SchemaVersion { get; init; }
        public required MachineProfileDto MachineProfile { get; init; }
        public string? Commit { get; init; }
        public string? Branch { get; init; }
        public required int TotalBenchmarks { get; init; }
        public required int Regressions { get; init; }
        public required List<ResultDto> Results { get; init; }
    }

    public sealed class MachineProfileDto
    {
        public required string Id { get; init; }
        public required string Description { get; init; }
    }

    public sealed class ResultDto
    {
        // The seed's fields.
        public required string Name { get; init; }
        public required double MeanTimeMs { get; init; }
        public required double StdDevMs { get; init; }
        public required double MinTimeMs { get; init; }
        public required double MaxTimeMs { get; init; }
        public required int Iterations { get; init; }
        public required IReadOnlyDictionary<string, double> CustomMetrics { get; init; }

        // Ours.
        public required string FullName { get; init; }
        public required string Suite { get; init; }
        public required string Timestamp { get; init; }
        public required double MedianNs { get; init; }
        public required double MeanNs { get; init; }
        public required double StdDevNs { get; init; }
        public required double MinNs { get; init; }
        public required double MaxNs { get; init; }
        public required double Q1Ns { get; init; }
        public required double Q3Ns { get; init; }
        public required IntervalDto MedianIntervalNs { get; init; }
        public required IntervalDto MeanIntervalNs { get; init; }
        public required int Samples { get; init; }
        public required long OperationsPerSample { get; init; }
        public required long TotalOperations { get; init; }
        public required double AllocatedBytesPerOp { get; init; }
        public required GcDto Gc { get; init; }
        public required long PeakManagedHeapBytes { get; init; }
        public required double OverheadNsPerOp { get; init; }
        public required double ElapsedMs { get; init; }
        public required bool StoppedByTimeLimit { get; init; }
        public required List<string> TrustIssues { get; init; }
        public Gate.Verdict? Verdict { get; init; }
        public BaselineComparisonDto? BaselineComparison { get; init; }
        public required List<double> SamplesNsPerOp { get; init; }
        public required List<double> NormalisedSamples { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public SortedDictionary<string, List<double>>? StateSamples { get; init; }
    }

    public sealed class IntervalDto
    {
        public required double Lower { get; init; }
        public required double Upper { get; init; }
        public required double Level { get; init; }

        public static IntervalDto From(ConfidenceInterval interval) => new() { Lower = interval.Lower, Upper = interval.Upper, Level = interval.Level };

        public ConfidenceInterval ToInterval() => new(Lower, Upper, Level);
    }

    public sealed class GcDto
    {
        public required int Gen0 { get; init; }
        public required int Gen1 { get; init; }
        public required int Gen2 { get; init; }
    }

    /// <summary>
    /// A <see cref="GateOutcome"/> as <c>results.json</c> writes it: <see cref="From"/> and <see cref="ToOutcome"/> are the
    /// only mappings between the two.
    /// </summary>
    public sealed class BaselineComparisonDto
    {
        public required Gate.Verdict Verdict { get; init; }
        public required string Message { get; init; }
        public double? Ratio { get; init; }
        public IntervalDto? RatioInterval { get; init; }

        /// <summary>Always written null (no gate computes a p-value); kept so the schema keeps its <c>p_value</c> field.</summary>
        public double? PValue { get; init; }
        public required double Threshold { get; init; }
        public double? BaselineMedianNs { get; init; }
        public required double CurrentMedianNs { get; init; }
        public bool? Confirmed { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public Gate.ComparisonMethod Method { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Baseline { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? BaselineCommit { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public int Processes { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public int CopiesPerSide { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? NoiseFloor { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<double>? ProcessRatios { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<double>? SelfRatios { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public double ComparisonSeconds { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? BuildDifferences { get; init; }

        public static BaselineComparisonDto From(GateOutcome gate) => new()
        {
            Verdict = gate.Verdict,
            Message = gate.Message,
            Ratio = gate.Ratio,
            RatioInterval = gate.RatioInterval is { } i ? IntervalDto.From(i) : null,
            Threshold = gate.Threshold,
            BaselineMedianNs = gate.BaselineMedianNanoseconds,
            CurrentMedianNs = gate.CurrentMedianNanoseconds,
            Confirmed = gate.Confirmed,
            Method = gate.Method,
            Baseline = gate.Baseline,
            BaselineCommit = gate.BaselineCommit,
            Processes = gate.Processes,
            CopiesPerSide = gate.CopiesPerSide,
            NoiseFloor = gate.NoiseFloor,
            ProcessRatios = gate.ProcessRatios.Count == 0 ? null : [.. gate.ProcessRatios],
            SelfRatios = gate.SelfRatios.Count == 0 ? null : [.. gate.SelfRatios],
            ComparisonSeconds = gate.ComparisonSeconds,
            BuildDifferences = gate.BuildDifferences.Count == 0 ? null : [.. gate.BuildDifferences],
        };

        public GateOutcome ToOutcome() => new()
        {
            Verdict = Verdict,
            Message = Message,
            Ratio = Ratio,
            RatioInterval = RatioInterval?.ToInterval(),
            Threshold = Threshold,
            BaselineMedianNanoseconds = BaselineMedianNs,
            CurrentMedianNanoseconds = CurrentMedianNs,
            Confirmed = Confirmed,
            Method = Method,
            Baseline = Baseline,
            BaselineCommit = BaselineCommit,
            Processes = Processes,
            CopiesPerSide = CopiesPerSide,
            NoiseFloor = NoiseFloor,
            ProcessRatios = ProcessRatios?.ToArray() ?? [],
            SelfRatios = SelfRatios?.ToArray() ?? [],
            ComparisonSeconds = ComparisonSeconds,
            BuildDifferences = BuildDifferences?.ToArray() ?? [],
        };
    }
}
