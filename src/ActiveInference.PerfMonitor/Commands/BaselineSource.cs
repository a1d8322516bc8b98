using System.Text.Json;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// What <c>compare</c> compares against, told apart by content: a <c>baselines.json</c> (top-level
/// <c>schemaVersion</c> and <c>profiles</c>) or another run's <c>results.json</c> (<c>schema_version</c> and
/// <c>results</c>), turned into one <see cref="BaselineDocument"/> either way.
/// </summary>
/// <param name="Document">The baselines to compare against.</param>
/// <param name="Description">What was read, for the output, e.g. <c>results file b.json (run of 2025-03-01, commit abc)</c>.</param>
/// <param name="FromResults">True when read from a results file (one recording per benchmark).</param>
internal sealed record BaselineSource(BaselineDocument Document, string Description, bool FromResults)
{
    /// <summary>Reads <paramref name="path"/> (full path) as one kind or the other.</summary>
    /// <exception cref="MonitorException">Missing, not JSON, or neither kind.</exception>
    public static BaselineSource Read(string path)
    {
        if (!File.Exists(path))
            throw new MonitorException($"{path}: file not found");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MonitorException($"{path}: cannot read the file: {e.Message}", e);
        }
        var kind = Kind(text, path);
        if (kind == "baselines")
        {
            var loaded = new BaselineStore().Load(path);
            return loaded.Document is { } document
                ? new BaselineSource(document, $"baselines file {path}", false)
                : throw new MonitorException(loaded.Error ?? $"{path}: cannot read the baselines");
        }
        RunReport run;
        try
        {
            run = ResultsJsonReader.Parse(text, path);
        }
        catch (ResultsFileException e)
        {
            throw new MonitorException(e.Message, e);
        }
        return new BaselineSource(FromRun(run), $"results file {path} (run of {run.Timestamp.UtcDateTime:yyyy-MM-dd HH:mm} UTC, commit {run.Commit ?? "unknown"})", true);
    }

    /// <summary>A document holding one recording per result of <paramref name="run"/>, under the run's profile id.</summary>
    internal static BaselineDocument FromRun(RunReport run)
    {
        var profile = ProfileRebuilder.FromDescription(run.MachineProfileId, run.MachineProfileDescription)
            ?? ProfileRebuilder.Placeholder(run.MachineProfileId, run.MachineProfileDescription);
        var benchmarks = new SortedDictionary<string, IReadOnlyList<Recording>>(StringComparer.Ordinal);
        foreach (var result in run.Results.Select(r => r.Measured))
        {
            if (result.SamplesNanosecondsPerOperation.Count > 0)
                benchmarks[result.FullName] = [Recording.From(result, run.Commit)];
        }
        return new BaselineDocument(BaselineDocument.CurrentSchemaVersion,
            new SortedDictionary<string, ProfileBaselines>(StringComparer.Ordinal) { [profile.Id] = new ProfileBaselines(profile, benchmarks) });
    }

    private static string Kind(string text, string path)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("profiles", out _) || root.TryGetProperty("schemaVersion", out _))
                    return "baselines";
                if (root.TryGetProperty("results", out _) || root.TryGetProperty("schema_version", out _))
                    return "results";
            }
        }
        catch (JsonException e)
        {
            throw new MonitorException($"{path}: not valid JSON: {e.Message}", e);
        }
        throw new MonitorException($"{path}: neither a results.json (schema_version, results) nor a baselines.json (schemaVersion, profiles)");
    }
}
