namespace ActiveInference.Benchmarking.Configuration;

/// <summary>The perf suite's settings, bound once per run by <see cref="PerfOptionsLoader"/>; paths are full.</summary>
internal sealed record PerfOptions
{
    /// <summary>Default relative threshold: 10%, the seed's.</summary>
    public const double DefaultThreshold = 0.10;

    /// <summary>Default number of recordings kept per benchmark and machine profile (the baselines file keeps the newest).</summary>
    public const int DefaultKeepRecordings = 7;

    /// <summary>Default <see cref="HistoryBranch"/>.</summary>
    public const string DefaultHistoryBranch = "main";

    /// <summary>Gate (default), record or measure.</summary>
    public PerfMode Mode { get; init; } = PerfMode.Gate;

    /// <summary>
    /// Relative slowdown that counts as a regression when it is also significant, e.g. 0.10 = 10%; finite, ≥ 0. The
    /// attribute can override it per benchmark.
    /// </summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>
    /// Full path of the baselines file. At the default path it need not exist (the paired gate needs only baseline code;
    /// with neither, every benchmark is Inconclusive); set explicitly, it must, except that recording creates it.
    /// </summary>
    public required string BaselinePath { get; init; }

    /// <summary>Full path of the directory for run reports (results.json/csv/txt/md, plots).</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Full path of the SQLite history database.</summary>
    public required string HistoryPath { get; init; }

    /// <summary>Machine profile id to use instead of the computed one (CI runners that share baselines), or null.</summary>
    public string? MachineProfile { get; init; }

    /// <summary>
    /// True to fail a test whose verdict is Inconclusive (for CI), except an untrustworthy measurement, which stays
    /// inconclusive; false to end it inconclusive with the reason.
    /// </summary>
    public bool InconclusiveAsFailure { get; init; }

    /// <summary>Commit being measured, stored with recordings, or null when not configured.</summary>
    public string? Commit { get; init; }

    /// <summary>Recordings kept per benchmark and profile when recording, at least 1.</summary>
    public int KeepRecordings { get; init; } = DefaultKeepRecordings;

    /// <summary>
    /// The baseline's code for the paired gate: a prebuilt folder (full path) or a git commit-ish built on demand; null
    /// uses the commit that recorded the baselines file.
    /// </summary>
    public string? BaselineRef { get; init; }

    /// <summary>
    /// The share of the benchmarks this run measures (<c>I/N</c>, see <see cref="Configuration.Shard"/>); null runs
    /// them all. The others end skipped.
    /// </summary>
    public Shard? Shard { get; init; }

    /// <summary>
    /// True (default) to pass a benchmark whose executable code, packages and runtime are identical in both builds as
    /// <c>Unchanged</c> without measuring the baseline beside it; false measures every benchmark (A/A experiments).
    /// </summary>
    public bool SkipUnchanged { get; init; } = true;

    /// <summary>
    /// Full path of the history folder a gate run on <see cref="HistoryBranch"/> adds its file to (one JSON per run,
    /// ratios to the anchor); null adds nothing.
    /// </summary>
    public string? HistoryFolder { get; init; }

    /// <summary>The branch whose gate runs are history points (GITHUB_REF_NAME or git's branch must equal it); pull requests never are.</summary>
    public string HistoryBranch { get; init; } = DefaultHistoryBranch;
}
