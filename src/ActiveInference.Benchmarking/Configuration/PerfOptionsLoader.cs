using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ActiveInference.Benchmarking.Configuration;

/// <summary>
/// Builds <see cref="PerfOptions"/> from defaults, runsettings <c>TestRunParameters</c> and <c>PERF_</c> environment
/// variables (a later layer wins); invalid settings are returned as errors, never thrown.
/// </summary>
internal static class PerfOptionsLoader
{
    /// <summary>Prefix of the environment variables read.</summary>
    public const string EnvironmentPrefix = "PERF_";

    private const string HistoryFileName = "perf-history.db";

    private static readonly SettingKey Mode = new("mode", "MODE");
    private static readonly SettingKey Threshold = new("threshold", "THRESHOLD");
    private static readonly SettingKey BaselinePath = new("baselinePath", "BASELINE_PATH");
    private static readonly SettingKey ResultsDirectory = new("resultsDirectory", "RESULTS_DIRECTORY");
    private static readonly SettingKey HistoryPath = new("historyPath", "HISTORY_PATH");
    private static readonly SettingKey MachineProfile = new("machineProfile", "MACHINE_PROFILE");
    private static readonly SettingKey InconclusiveAsFailure = new("inconclusiveAsFailure", "INCONCLUSIVE_AS_FAILURE");
    private static readonly SettingKey Commit = new("commit", "COMMIT");
    private static readonly SettingKey KeepRecordings = new("keepRecordings", "KEEP_RECORDINGS");
    private static readonly SettingKey ShardKey = new("shard", "SHARD");
    private static readonly SettingKey BaselineRef = new("baselineRef", "BASELINE_REF");
    private static readonly SettingKey SkipUnchanged = new("skipUnchanged", "SKIP_UNCHANGED");
    private static readonly SettingKey HistoryFolder = new("historyFolder", "HISTORY_FOLDER");
    private static readonly SettingKey HistoryBranch = new("historyBranch", "HISTORY_BRANCH");

    private static readonly SettingKey[] Keys = [Mode, Threshold, BaselinePath, ResultsDirectory, HistoryPath, MachineProfile, InconclusiveAsFailure, Commit, KeepRecordings, ShardKey, BaselineRef,
        SkipUnchanged, HistoryFolder, HistoryBranch];

    private static readonly FrozenDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        [Mode.Name] = "gate",
        [Threshold.Name] = PerfOptions.DefaultThreshold.ToString("R", CultureInfo.InvariantCulture),
        [BaselinePath.Name] = "baselines.json",
        [ResultsDirectory.Name] = Path.Combine("TestResults", "perf"),
        [InconclusiveAsFailure.Name] = "false",
        [SkipUnchanged.Name] = "true",
        [KeepRecordings.Name] = PerfOptions.DefaultKeepRecordings.ToString(CultureInfo.InvariantCulture),
        [HistoryBranch.Name] = PerfOptions.DefaultHistoryBranch,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Variables of the Linux <c>perf</c> profiler, which use the same prefix: never reported as unknown.</summary>
    private static readonly FrozenSet<string> ForeignEnvironmentVariables =
        new[] { "PERF_EXEC_PATH", "PERF_PAGER", "PERF_CONFIG", "PERF_BUILDID_DIR" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly Regex ProfileIdPattern = new("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);

    /// <summary>Loads and validates the options.</summary>
    /// <param name="runParameters">The runsettings <c>TestRunParameters</c> (e.g. NUnit's <c>TestContext.Parameters</c>), name → value.</param>
    /// <param name="environment">Environment variables, name → value; null to read the process environment. Tests pass their own.</param>
    /// <param name="rootDirectory">Directory relative paths are resolved against: the repository root (see <see cref="RepositoryRoot"/>).</param>
    public static PerfOptionsLoadResult Load(IReadOnlyDictionary<string, string?> runParameters, IReadOnlyDictionary<string, string?>? environment, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(runParameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        environment ??= ProcessEnvironment.Variables().ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        var errors = new List<OptionError>();
        var origins = new Dictionary<string, (OptionSource Source, string Key)>(StringComparer.OrdinalIgnoreCase);

        var fromRunSettings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in runParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var key = Keys.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
                errors.Add(new OptionError(OptionSource.RunSettings, name, value, "unknown perf setting" + Suggest(name, k => k.Name)));
            else if (!string.IsNullOrWhiteSpace(value))
            {
                fromRunSettings[key.Name] = value;
                origins[key.Name] = (OptionSource.RunSettings, name);
            }
        }

        var fromEnvironment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || ForeignEnvironmentVariables.Contains(name))
                continue;
            var key = Keys.FirstOrDefault(k => k.EnvironmentName.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
                errors.Add(new OptionError(OptionSource.Environment, name, value, "unknown perf setting" + Suggest(name, k => k.EnvironmentName)));
            else if (!string.IsNullOrWhiteSpace(value))
            {
                fromEnvironment[key.Name] = value;
                origins[key.Name] = (OptionSource.Environment, name);
            }
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults)
            .AddInMemoryCollection(fromRunSettings)
            .AddInMemoryCollection(fromEnvironment)
            .Build();

        var reader = new SettingsReader(configuration, origins, errors);
        var root = Path.GetFullPath(rootDirectory);
        var mode = reader.Parse(Mode, ParseMode);
        var threshold = reader.Parse(Threshold, ParseThreshold);
        var keep = reader.Parse(KeepRecordings, ParseKeep);
        var inconclusiveAsFailure = reader.Parse(InconclusiveAsFailure, v => ParseBoolean(v, InconclusiveAsFailure.Name));
        var skipUnchanged = reader.Parse(SkipUnchanged, v => ParseBoolean(v, SkipUnchanged.Name));
        var baselinePath = reader.Parse(BaselinePath, v => ParseFilePath(v, root, mustBeReadable: true));
        if (baselinePath is not null && origins.ContainsKey(BaselinePath.Name) && MissingBaselines(baselinePath, mode) is { } missing)
            reader.Report(BaselinePath, missing);
        var resultsDirectory = reader.Parse(ResultsDirectory, v => ParseDirectoryPath(v, root));
        var historyPath = reader.Get(HistoryPath) is null
            ? Path.Combine(resultsDirectory ?? root, HistoryFileName)
            : reader.Parse(HistoryPath, v => ParseFilePath(v, root, mustBeReadable: false));
        var machineProfile = reader.Get(MachineProfile) is null ? null : reader.Parse(MachineProfile, ParseProfileId);
        var commit = reader.Get(Commit) is null ? null : reader.Parse(Commit, ParseCommit);
        var shard = reader.Get(ShardKey) is null ? null : reader.Parse(ShardKey, ParseShard);
        var baselineRef = reader.Get(BaselineRef) is null ? null : reader.Parse(BaselineRef, v => ParseBaselineRef(v, root));
        var historyFolder = reader.Get(HistoryFolder) is null ? null : reader.Parse(HistoryFolder, v => ParseDirectoryPath(v, root));
        var historyBranch = reader.Parse(HistoryBranch, ParseHistoryBranch);

        if (errors.Count > 0)
            return new PerfOptionsLoadResult(null, errors);
        return new PerfOptionsLoadResult(
            new PerfOptions
            {
                Mode = mode,
                Threshold = threshold,
                BaselinePath = baselinePath!,
                ResultsDirectory = resultsDirectory!,
                HistoryPath = historyPath!,
                MachineProfile = machineProfile,
                InconclusiveAsFailure = inconclusiveAsFailure,
                Commit = commit,
                KeepRecordings = keep,
                Shard = shard,
                BaselineRef = baselineRef,
                SkipUnchanged = skipUnchanged,
                HistoryFolder = historyFolder,
                HistoryBranch = historyBranch!,
            },
            []);
    }

    private static (PerfMode, string?) ParseMode(string value)
    {
        foreach (var mode in Enum.GetValues<PerfMode>())
        {
            if (mode.ToString().Equals(value, StringComparison.OrdinalIgnoreCase))
                return (mode, null);
        }
        return (default, "mode must be one of gate, record, measure");
    }

    private static (double, string?) ParseThreshold(string value)
    {
        if (value.EndsWith('%'))
            return (0, "threshold is a fraction, not a percentage: write 0.10 for 10%");
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
            return (0, value.Contains(',')
                ? "threshold must be a number with a dot as decimal separator (e.g. 0.1, not 0,1)"
                : "threshold must be a finite number ≥ 0 (e.g. 0.1 for 10%)");
        return double.IsFinite(threshold) && threshold >= 0 ? (threshold, null) : (0, "threshold must be a finite number ≥ 0");
    }

    private static (int, string?) ParseKeep(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var keep) && keep is >= 1 and <= 1000
            ? (keep, null)
            : (0, "keepRecordings must be a whole number from 1 to 1000");

    private static (bool, string?) ParseBoolean(string value, string name) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => (true, null),
        "false" or "0" or "no" => (false, null),
        _ => (false, $"{name} must be true or false"),
    };

    private static (string?, string?) ParseProfileId(string value) =>
        ProfileIdPattern.IsMatch(value)
            ? (value, null)
            : (null, "machineProfile must be 1–64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");

    private static (string?, string?) ParseCommit(string value) =>
        value.Any(char.IsWhiteSpace) || value.Length > 100
            ? (null, "commit must be a single word of at most 100 characters (a hash, a tag, a branch name)")
            : (value, null);

    /// <summary>
    /// An existing folder is a prebuilt baseline (made a full path); anything else is a git commit-ish. A leading '-' or a
    /// control character is refused, so it is never taken as an option.
    /// </summary>
    private static (string?, string?) ParseBaselineRef(string value, string root)
    {
        if (BaselineRefProblem(value) is { } problem)
            return (null, "baselineRef " + problem);
        var (path, _) = FullPath(value, root);
        return path is not null && Directory.Exists(path) ? (path, null) : (value, null);
    }

    /// <summary>Why <paramref name="value"/> cannot name a baseline, in words following the setting's name; null when it can.</summary>
    public static string? BaselineRefProblem(string value) =>
        string.IsNullOrWhiteSpace(value) ? "must be a commit-ish (a branch, tag or hash) or a folder holding a build of the perf test project"
        : value.StartsWith('-') ? "must be a commit-ish (a branch, tag or hash) or a folder; it cannot begin with '-'"
        : value.Any(char.IsControl) || value.Length > 400 ? "must be a commit-ish or a folder path of at most 400 characters without control characters"
        : null;

    private static (string?, string?) ParseHistoryBranch(string value) =>
        value.Length == 0 || value.StartsWith('-') || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || value.Length > 200
            ? (null, "historyBranch must be a branch name (e.g. main): one word, not beginning with '-'")
            : (value, null);

    private static (Shard?, string?) ParseShard(string value) =>
        Shard.TryParse(value, out var shard, out var problem) ? (shard, null) : (null, problem);

    private static (string?, string?) ParseFilePath(string value, string root, bool mustBeReadable)
    {
        var (path, problem) = FullPath(value, root);
        if (path is null)
            return (null, problem);
        if (Directory.Exists(path))
            return (null, $"{path} is a directory; expected a file path");
        var parent = Path.GetDirectoryName(path);
        if (parent is not null && File.Exists(parent))
            return (null, $"{parent} is a file, so {path} cannot be created");
        if (mustBeReadable && File.Exists(path))
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, $"{path} cannot be read: {e.Message}");
            }
        }
        return (path, null);
    }

    /// <summary>
    /// Why an explicitly set baselines file that is not there is an error (a typo would silently turn the gate off);
    /// null when it is there, or when recording will create it in a folder that exists.
    /// </summary>
    private static string? MissingBaselines(string path, PerfMode mode)
    {
        if (File.Exists(path))
            return null;
        if (mode != PerfMode.Record)
            return $"there is no baselines file at {path}; create it by recording (mode=record) or fix the path";
        var folder = Path.GetDirectoryName(path);
        return folder is null || Directory.Exists(folder)
            ? null
            : $"the folder {folder} does not exist, so recording cannot create {path}; create the folder or fix the path";
    }

    private static (string?, string?) ParseDirectoryPath(string value, string root)
    {
        var (path, problem) = FullPath(value, root);
        if (path is null)
            return (null, problem);
        return File.Exists(path) ? (null, $"{path} is a file; expected a directory") : (path, null);
    }

    private static (string?, string?) FullPath(string value, string root)
    {
        if (value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return (null, "the path contains a character that is not allowed in paths");
        try
        {
            return (Path.GetFullPath(Path.Combine(root, value)), null);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return (null, $"not a valid path: {e.Message}");
        }
    }

    /// <summary>"; did you mean X? Known settings: …" for the known key nearest to <paramref name="name"/>, listing the known keys.</summary>
    private static string Suggest(string name, Func<SettingKey, string> spelling)
    {
        var known = Keys.Select(spelling).ToArray();
        var normalised = Normalise(name);
        var best = known
            .Select(k => (Key: k, Distance: Normalise(k) == normalised ? 0 : Distance(Normalise(k), normalised)))
            .MinBy(k => k.Distance);
        var list = string.Join(", ", known);
        return best.Distance <= 2 ? $"; did you mean {best.Key}? Known settings: {list}" : $"; known settings: {list}";
    }

    private static string Normalise(string key)
    {
        var upper = key.ToUpperInvariant();
        if (upper.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            upper = upper[EnvironmentPrefix.Length..];
        return upper.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
    }

    /// <summary>Levenshtein edit distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    /// <summary>A setting: its runsettings name and its environment name without the prefix.</summary>
    private sealed record SettingKey(string Name, string EnvironmentSuffix)
    {
        public string EnvironmentName => EnvironmentPrefix + EnvironmentSuffix;
    }

    /// <summary>Reads settings from the layered configuration and records errors with the key and layer the value came from.</summary>
    private sealed class SettingsReader(IConfiguration configuration, Dictionary<string, (OptionSource Source, string Key)> origins, List<OptionError> errors)
    {
        public string? Get(SettingKey key)
        {
            var value = configuration[key.Name]?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public T Parse<T>(SettingKey key, Func<string, (T Value, string? Problem)> parse)
        {
            var raw = Get(key) ?? "";
            var (value, problem) = parse(raw);
            if (problem is not null)
                Report(key, problem);
            return value;
        }

        /// <summary>Records <paramref name="problem"/> against the value <paramref name="key"/> has, naming the layer it came from.</summary>
        public void Report(SettingKey key, string problem)
        {
            var (source, name) = origins.TryGetValue(key.Name, out var origin) ? origin : (OptionSource.Default, key.Name);
            errors.Add(new OptionError(source, name, configuration[key.Name], problem));
        }
    }
}
