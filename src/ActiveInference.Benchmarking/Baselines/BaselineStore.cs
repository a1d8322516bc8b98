using System.Collections.Immutable;
using System.Text;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>Reads <c>baselines.json</c> and its samples file and merges new recordings into them; writes are atomic and locked.</summary>
internal sealed class BaselineStore
{

    private readonly TimeSpan _lockTimeout;

    /// <summary>A store that waits up to 30 s for another writer.</summary>
    public BaselineStore()
        : this(TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>A store that waits up to <paramref name="lockTimeout"/> for another writer before giving up with an error.</summary>
    public BaselineStore(TimeSpan lockTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lockTimeout, TimeSpan.Zero);
        _lockTimeout = lockTimeout;
    }

    /// <summary>The samples file of <paramref name="path"/>: <c>x.json</c> → <c>x.samples.json</c>, else <c>.samples.json</c> appended.</summary>
    public static string SamplesPathFor(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? path[..^".json".Length] + ".samples.json"
            : path + ".samples.json";
    }

    /// <summary>
    /// Reads the baselines file and its samples file: the document, Missing, or Invalid with a message; an unusable
    /// samples file only sets <see cref="BaselineLoadResult.SamplesStatus"/>. Never throws for content; never writes.
    /// </summary>
    public BaselineLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
            return BaselineLoadResult.Invalid(fullPath, "is a directory, not a baselines file");
        var (text, readProblem) = ReadText(fullPath);
        if (text is null)
            return readProblem is null ? BaselineLoadResult.Missing(fullPath) : BaselineLoadResult.Invalid(fullPath, readProblem);
        var (document, version, problem) = BaselineJson.Read(text);
        if (document is null)
            return BaselineLoadResult.Invalid(fullPath, problem!);
        if (version == BaselineJson.InlineSamplesSchemaVersion)
            return BaselineLoadResult.Loaded(fullPath, document);

        var samplesPath = SamplesPathFor(fullPath);
        if (Directory.Exists(samplesPath))
            return BaselineLoadResult.Loaded(fullPath, document) with { SamplesStatus = BaselineLoadStatus.Invalid, SamplesError = $"{samplesPath}: is a directory, not a samples file" };
        var (samplesText, samplesReadProblem) = ReadText(samplesPath);
        if (samplesText is null)
        {
            return samplesReadProblem is null
                ? BaselineLoadResult.Loaded(fullPath, document) with { SamplesStatus = BaselineLoadStatus.Missing }
                : BaselineLoadResult.Loaded(fullPath, document) with { SamplesStatus = BaselineLoadStatus.Invalid, SamplesError = $"{samplesPath}: {samplesReadProblem}" };
        }
        var (withSamples, samplesProblem) = BaselineJson.AttachSamples(document, samplesText);
        return withSamples is null
            ? BaselineLoadResult.Loaded(fullPath, document) with { SamplesStatus = BaselineLoadStatus.Invalid, SamplesError = $"{samplesPath}: {samplesProblem}" }
            : BaselineLoadResult.Loaded(fullPath, withSamples);
    }

    /// <summary>The file's text; null and null when there is no file; null and the problem when it cannot be read.</summary>
    private static (string? Text, string? Problem) ReadText(string fullPath)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return (reader.ReadToEnd(), null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "is not UTF-8 text");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>Writes the samples file, then the baselines file, each atomically; the caller holds the lock.</summary>
    private static void WriteBoth(string fullPath, BaselineDocument document)
    {
        AtomicFile.WriteText(SamplesPathFor(fullPath), writer => writer.Write(BaselineJson.WriteSamples(document)));
        AtomicFile.WriteText(fullPath, writer => writer.Write(BaselineJson.Write(document)));
    }

    /// <summary>
    /// Appends one recording per trustworthy result under <paramref name="profile"/>, keeping the newest
    /// <paramref name="keep"/> per benchmark; writes nothing when a file is invalid or the lock cannot be taken.
    /// </summary>
    /// <param name="path">The baselines file.</param>
    /// <param name="profile">The machine profile the results were measured on.</param>
    /// <param name="results">This run's results; untrustworthy ones and ones with no or non-finite samples are skipped.</param>
    /// <param name="commit">The commit measured, or null when unknown.</param>
    /// <param name="keep">Recordings kept per benchmark, at least 1 (oldest dropped first).</param>
    public BaselineRecordResult Record(string path, MachineProfile profile, IReadOnlyList<BenchmarkResult> results, string? commit, int keep = PerfOptions.DefaultKeepRecordings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var fullPath = Path.GetFullPath(path);

        var (recordings, skipped) = Select(results, commit);
        if (recordings.Count == 0)
            return new BaselineRecordResult(fullPath, [], skipped, null);

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return BaselineRecordResult.Failed(fullPath, $"cannot create its directory: {e.Message}", skipped);
        }

        var (fileLock, lockProblem) = FileLock.Acquire(fullPath, _lockTimeout);
        if (fileLock is null)
            return BaselineRecordResult.Failed(fullPath, lockProblem!, skipped);
        using (fileLock)
        {
            var existing = Load(fullPath);
            if (existing.Status == BaselineLoadStatus.Invalid)
                return new BaselineRecordResult(fullPath, [], skipped, existing.Error + "; nothing was recorded and the file was left as it is");
            if (existing.SamplesStatus == BaselineLoadStatus.Invalid)
                return new BaselineRecordResult(fullPath, [], skipped, existing.SamplesError + "; nothing was recorded and the files were left as they are");
            var merged = Merge(existing.DocumentOrEmpty!, profile, recordings, keep);
            try
            {
                WriteBoth(fullPath, merged);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return BaselineRecordResult.Failed(fullPath, $"cannot be written: {e.Message}", skipped);
            }
        }
        return new BaselineRecordResult(fullPath, recordings.Select(r => r.FullName).ToArray(), skipped, null);
    }

    /// <summary>
    /// Replaces the document at <paramref name="path"/> by <paramref name="change"/>(document) under the same lock as
    /// <see cref="Record"/>; writes nothing when a file is missing or invalid, or the schema version would change.
    /// </summary>
    public BaselineRewriteResult Rewrite(string path, Func<BaselineDocument, BaselineDocument> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(change);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            return new BaselineRewriteResult(fullPath, null, null, $"{fullPath}: no baselines file there");
        var (fileLock, lockProblem) = FileLock.Acquire(fullPath, _lockTimeout);
        if (fileLock is null)
            return new BaselineRewriteResult(fullPath, null, null, $"{fullPath}: {lockProblem}");
        using (fileLock)
        {
            var existing = Load(fullPath);
            if (existing.Document is not { } before)
                return new BaselineRewriteResult(fullPath, null, null, (existing.Error ?? $"{fullPath}: no baselines file there") + "; the file was left as it is");
            if (existing.SamplesStatus == BaselineLoadStatus.Invalid)
                return new BaselineRewriteResult(fullPath, before, null, existing.SamplesError + "; the files were left as they are");
            var after = change(before);
            if (after is null || after.SchemaVersion != BaselineDocument.CurrentSchemaVersion)
                return new BaselineRewriteResult(fullPath, before, null, $"{fullPath}: the change produced no document of schema version {BaselineDocument.CurrentSchemaVersion}; the file was left as it is");
            try
            {
                WriteBoth(fullPath, after);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new BaselineRewriteResult(fullPath, before, null, $"{fullPath}: cannot be written: {e.Message}");
            }
            return new BaselineRewriteResult(fullPath, before, after, null);
        }
    }

    /// <summary>
    /// <paramref name="document"/> with <paramref name="recordings"/> appended under <paramref name="profile"/>, each touched
    /// benchmark trimmed to its newest <paramref name="keep"/> recordings.
    /// </summary>
    internal static BaselineDocument Merge(BaselineDocument document, MachineProfile profile, IReadOnlyList<(string FullName, Recording Recording)> recordings, int keep)
    {
        var profiles = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, document.Profiles);
        var benchmarks = profiles.TryGetValue(profile.Id, out var existing)
            ? ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, existing.Benchmarks)
            : ImmutableSortedDictionary.Create<string, IReadOnlyList<Recording>>(StringComparer.Ordinal);
        foreach (var group in recordings.GroupBy(r => r.FullName, StringComparer.Ordinal))
        {
            var list = benchmarks.TryGetValue(group.Key, out var old) ? old : [];
            benchmarks = benchmarks.SetItem(group.Key, list
                .Concat(group.Select(r => r.Recording))
                .OrderBy(r => r.RecordedAt) // stable: equal times keep their order
                .TakeLast(keep)
                .ToArray());
        }
        profiles = profiles.SetItem(profile.Id, new ProfileBaselines(profile, benchmarks));
        return new BaselineDocument(BaselineDocument.CurrentSchemaVersion, profiles);
    }

    private static (List<(string FullName, Recording Recording)> Recordings, List<SkippedRecording> Skipped) Select(IReadOnlyList<BenchmarkResult> results, string? commit)
    {
        var recordings = new List<(string, Recording)>();
        var skipped = new List<SkippedRecording>();
        foreach (var result in results)
        {
            if (string.IsNullOrEmpty(result.FullName))
            {
                skipped.Add(new SkippedRecording(result.FullName ?? "", "it has no full name"));
                continue;
            }
            if (!result.IsTrustworthy)
            {
                skipped.Add(new SkippedRecording(result.FullName, "not trustworthy: " + string.Join("; ", result.TrustIssues)));
                continue;
            }
            var recording = Recording.From(result, commit);
            var problem = recording.Problem();
            if (problem is not null)
                skipped.Add(new SkippedRecording(result.FullName, problem));
            else
                recordings.Add((result.FullName, recording));
        }
        return (recordings, skipped);
    }
}
