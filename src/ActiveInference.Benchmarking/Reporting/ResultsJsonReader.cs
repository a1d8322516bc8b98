using System.Text.Json;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Statistics;
using static ActiveInference.Benchmarking.Reporting.ResultsJsonModel;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Reads a <c>results.json</c> back into a <see cref="RunReport"/>; anything it cannot read whole gives a <see
/// cref="ResultsFileException"/>. Nulls read back as NaN.
/// </summary>
internal static class ResultsJsonReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="ResultsFileException">The file is missing, unreadable, or not a results file of a known schema version.</exception>
    public static RunReport Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path, AtomicFile.Utf8);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var problem = error is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot read the file: " + error.Message;
            throw new ResultsFileException(path, problem, error);
        }

        return Parse(json, path);
    }

    /// <summary>Reads results from <paramref name="json"/>; <paramref name="source"/> names the input in error messages.</summary>
    /// <exception cref="ResultsFileException">The text is not a results file of a known schema version.</exception>
    public static RunReport Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ResultsFileException(source, "the file is empty");
        }

        CheckSchemaVersion(json, source);
        RunDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<RunDto>(json, Options);
        }
        catch (JsonException error)
        {
            throw new ResultsFileException(source, "not a valid results file: " + error.Message, error);
        }

        if (dto is null)
        {
            throw new ResultsFileException(source, "not a valid results file: the top level is null");
        }

        return ToReport(dto, source);
    }

    private static void CheckSchemaVersion(string json, string source)
    {
        int? version;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ResultsFileException(source, "not a valid results file: the top level is not a JSON object");
            }

            version = document.RootElement.TryGetProperty("schema_version", out var element) && element.TryGetInt32(out var v) ? v : null;
        }
        catch (JsonException error)
        {
            throw new ResultsFileException(source, "not valid JSON: " + error.Message, error);
        }

        if (version is null)
        {
            throw new ResultsFileException(source, "no integer 'schema_version': not written by ActiveInference.Benchmarking (seed-format files are not read)");
        }

        if (version > CurrentSchemaVersion || version < 1)
        {
            throw new ResultsFileException(source, $"schema_version {version} is not supported (this version reads 1 to {CurrentSchemaVersion}); update the tool");
        }
    }

    private static RunReport ToReport(RunDto dto, string source)
    {
        var results = new List<GatedResult>(dto.Results.Count);
        for (var i = 0; i < dto.Results.Count; i++)
        {
            var r = dto.Results[i] ?? throw new ResultsFileException(source, $"results[{i}] is null");
            results.Add(ToResult(r, $"results[{i}]", source));
        }

        return new RunReport
        {
            Suite = dto.BenchmarkSuite,
            Timestamp = ParseTimestamp(dto.Timestamp, "timestamp", source),
            Config = new Dictionary<string, string>(dto.Config, StringComparer.Ordinal),
            MachineProfileId = dto.MachineProfile.Id,
            MachineProfileDescription = dto.MachineProfile.Description,
            Commit = dto.Commit,
            Branch = dto.Branch,
            Results = results,
        };
    }

    private static GatedResult ToResult(ResultDto r, string where, string source) =>
        new(ToMeasured(r, where, source), r.BaselineComparison?.ToOutcome());

    private static BenchmarkResult ToMeasured(ResultDto r, string where, string source)
    {
        if (r.Samples < 0 || r.Samples != r.SamplesNsPerOp.Count)
        {
            throw new ResultsFileException(source, $"{where} ('{r.FullName}'): samples is {r.Samples} but samples_ns_per_op holds {r.SamplesNsPerOp.Count} values");
        }

        return new BenchmarkResult
        {
            FullName = r.FullName,
            Name = r.Name,
            Suite = r.Suite,
            Time = new Summary(
                r.Samples, r.MeanNs, r.StdDevNs, r.MinNs, r.MaxNs, r.MedianNs, r.Q1Ns, r.Q3Ns,
                r.MeanIntervalNs.ToInterval(), r.MedianIntervalNs.ToInterval()),
            SamplesNanosecondsPerOperation = r.SamplesNsPerOp.ToArray(),
            StateSamples = StateSamples(r),
            OperationsPerSample = r.OperationsPerSample,
            AllocatedBytesPerOperation = r.AllocatedBytesPerOp,
            Gc = new GcCounts(r.Gc.Gen0, r.Gc.Gen1, r.Gc.Gen2),
            TotalOperations = r.TotalOperations,
            PeakManagedHeapBytes = r.PeakManagedHeapBytes,
            OverheadNanosecondsPerOperation = r.OverheadNsPerOp,
            CustomMetrics = new Dictionary<string, double>(r.CustomMetrics, StringComparer.Ordinal),
            Elapsed = double.IsFinite(r.ElapsedMs) ? TimeSpan.FromTicks((long)Math.Round(r.ElapsedMs * TimeSpan.TicksPerMillisecond)) : TimeSpan.Zero,
            StoppedByTimeLimit = r.StoppedByTimeLimit,
            TrustIssues = r.TrustIssues.ToArray(),
            Timestamp = ParseTimestamp(r.Timestamp, where + ".timestamp", source),
        };
    }

    /// <summary>
    /// The file's state columns; a file with <c>normalised_samples</c> but no reference column gets it back as ns[i] ÷
    /// exp(normalised[i]) when the two are aligned.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<double>> StateSamples(ResultDto r)
    {
        var state = r.StateSamples?.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value.ToArray(), StringComparer.Ordinal)
            ?? new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        if (!state.ContainsKey(QuadraticFormReference.ReferenceName) && ReferenceRatios.Reference(r.SamplesNsPerOp, r.NormalisedSamples) is { } reference)
            state[QuadraticFormReference.ReferenceName] = reference;
        return state;
    }

    private static DateTimeOffset ParseTimestamp(string text, string where, string source) =>
        ReportText.TryParseTimestamp(text, out var value)
            ? value
            : throw new ResultsFileException(source, $"{where}: '{text}' is not an ISO 8601 time");
}
