using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// The gate's decision for one benchmark, with the evidence behind it: the one outcome model that results.json, the
/// history and the reports are derived from. Build it with a named constructor for what happened (<see cref="NotCompared"/>,
/// <see cref="New"/>, <see cref="Inconclusive"/>, <see cref="Unchanged"/>, <see cref="Compared"/>); the object
/// initializer is for reading a stored outcome back. Times are ns/op.
/// </summary>
internal sealed record GateOutcome
{
    /// <summary>The decision.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>One line a person can act on (see the README's "reading a failure").</summary>
    public required string Message { get; init; }

    /// <summary>The relative threshold that applied (0.10 = 10%).</summary>
    public required double Threshold { get; init; }

    /// <summary>Raw current median ns/op (paired: the current copies in the paired processes; NaN when none ran).</summary>
    public required double CurrentMedianNanoseconds { get; init; }

    /// <summary>
    /// Raw baseline median ns/op (paired: the baseline's copies in this run; recorded: the recordings'), or null without
    /// a baseline.
    /// </summary>
    public double? BaselineMedianNanoseconds { get; init; }

    /// <summary>
    /// The estimated current ÷ baseline time per operation (paired: the mean over processes; recorded: state-matched),
    /// or null without a change.
    /// </summary>
    public double? Ratio { get; init; }

    /// <summary>Confidence interval of <see cref="Ratio"/>, or null.</summary>
    public ConfidenceInterval? RatioInterval { get; init; }

    /// <summary>True when a suspect was re-measured in a fresh process and still flagged; false when it was re-measured
    /// and cleared; null when no re-measurement ran.</summary>
    public bool? Confirmed { get; init; }

    /// <summary>How the change was measured; <see cref="ComparisonMethod.None"/> when no process compared the sides.</summary>
    public ComparisonMethod Method { get; init; }

    /// <summary>
    /// What it was measured against, as messages name it: <c>commit 1b56a1b</c>, or <c>the recorded numbers of
    /// 2026-11-29</c>; null without a baseline.
    /// </summary>
    public string? Baseline { get; init; }

    /// <summary>The baseline commit (full hash) when known: the commit paired against, or the one that recorded the numbers.</summary>
    public string? BaselineCommit { get; init; }

    /// <summary>
    /// Processes whose comparison the verdict rests on (paired: each with both sides; recorded: the fresh processes
    /// included); a process that failed is not counted.
    /// </summary>
    public int Processes { get; init; }

    /// <summary>Copies of each side per paired process; 0 when not paired.</summary>
    public int CopiesPerSide { get; init; }

    /// <summary>The run's noise floor as a relative change (0.021 = ±2.1%); changes smaller than it cannot be told from noise.</summary>
    public double? NoiseFloor { get; init; }

    /// <summary>
    /// Each process's own estimate of current ÷ baseline time, in the order measured (paired: the first process is in
    /// it too); empty when not compared.
    /// </summary>
    public IReadOnlyList<double> ProcessRatios { get; init; } = [];

    /// <summary>
    /// Paired only: each process's A/A ratios (each side's copies split in two halves and compared), the run's own
    /// measure of noise; empty otherwise.
    /// </summary>
    public IReadOnlyList<double> SelfRatios { get; init; } = [];

    /// <summary>
    /// Wall time of the comparison in seconds: the paired processes (or the recorded-numbers fallback's fresh
    /// processes), build of the baseline excluded; 0 when nothing ran.
    /// </summary>
    public double ComparisonSeconds { get; init; }

    /// <summary>
    /// What differs between the two builds besides their own code, one entry each (<c>Foo 1.0.0 → 1.1.0</c>, <c>Bar
    /// (content)</c>, <c>runtime: …</c>); empty when nothing does or nothing was compared.
    /// </summary>
    public IReadOnlyList<string> BuildDifferences { get; init; } = [];

    /// <summary>Measured or recorded only (mode <c>measure</c> or <c>record</c>): <see cref="Verdict.NotCompared"/>, no baseline.</summary>
    public static GateOutcome NotCompared(string message, double threshold, double currentMedianNanoseconds) =>
        new() { Verdict = Verdict.NotCompared, Message = message, Threshold = threshold, CurrentMedianNanoseconds = currentMedianNanoseconds };

    /// <summary>The baseline has no such benchmark (<paramref name="against"/> names the baseline when one was found).</summary>
    public static GateOutcome New(string message, double threshold, double currentMedianNanoseconds, BaselineName? against = null,
        IReadOnlyList<string>? buildDifferences = null) =>
        BeforeComparing(Verdict.New, message, threshold, currentMedianNanoseconds, against, null, buildDifferences);

    /// <summary>
    /// The gate could not tell before any process compared the sides (an untrustworthy build, nothing to compare with, a
    /// baseline that does not build, recorded numbers that cannot be matched).
    /// </summary>
    public static GateOutcome Inconclusive(string message, double threshold, double currentMedianNanoseconds, BaselineName? against = null,
        double? baselineMedianNanoseconds = null, IReadOnlyList<string>? buildDifferences = null) =>
        BeforeComparing(Verdict.Inconclusive, message, threshold, currentMedianNanoseconds, against, baselineMedianNanoseconds, buildDifferences);

    /// <summary>Nothing the benchmark can execute differs from <paramref name="against"/>'s build: passes, not measured.</summary>
    public static GateOutcome Unchanged(string message, double threshold, double currentMedianNanoseconds, BaselineName against,
        IReadOnlyList<string> buildDifferences) =>
        BeforeComparing(Verdict.Unchanged, message, threshold, currentMedianNanoseconds, against, null, buildDifferences);

    /// <summary>
    /// At least one process compared the sides by <paramref name="method"/> (paired, interleaved, recorded); the
    /// change, its interval and floor are set when the processes gave them, <paramref name="confirmed"/> when a suspect
    /// was re-measured.
    /// </summary>
    public static GateOutcome Compared(Verdict verdict, string message, double threshold, ComparisonMethod method, BaselineName against,
        int processes, double? baselineMedianNanoseconds, double currentMedianNanoseconds, double? ratio = null, ConfidenceInterval? ratioInterval = null,
        double? noiseFloor = null, bool? confirmed = null)
    {
        if (method == ComparisonMethod.None || processes < 1)
            throw new ArgumentOutOfRangeException(nameof(processes), processes, $"a compared outcome needs a method and a process (method {method})");
        return new()
        {
            Verdict = verdict,
            Message = message,
            Threshold = threshold,
            CurrentMedianNanoseconds = currentMedianNanoseconds,
            BaselineMedianNanoseconds = baselineMedianNanoseconds,
            Ratio = ratio,
            RatioInterval = ratioInterval,
            NoiseFloor = noiseFloor,
            Confirmed = confirmed,
            Method = method,
            Baseline = against.Description,
            BaselineCommit = against.Commit,
            Processes = processes,
        };
    }

    private static GateOutcome BeforeComparing(Verdict verdict, string message, double threshold, double currentMedianNanoseconds, BaselineName? against,
        double? baselineMedianNanoseconds, IReadOnlyList<string>? buildDifferences) =>
        new()
        {
            Verdict = verdict,
            Message = message,
            Threshold = threshold,
            CurrentMedianNanoseconds = currentMedianNanoseconds,
            BaselineMedianNanoseconds = baselineMedianNanoseconds,
            Baseline = against?.Description,
            BaselineCommit = against?.Commit,
            BuildDifferences = buildDifferences ?? [],
        };

    /// <summary>Value equality including the lists (records compare lists by reference).</summary>
    public bool Equals(GateOutcome? other) =>
        other is not null
        && Verdict == other.Verdict && Message == other.Message && Nullable.Equals(Ratio, other.Ratio) && Nullable.Equals(RatioInterval, other.RatioInterval)
        && Threshold.Equals(other.Threshold) && Nullable.Equals(BaselineMedianNanoseconds, other.BaselineMedianNanoseconds)
        && CurrentMedianNanoseconds.Equals(other.CurrentMedianNanoseconds) && Confirmed == other.Confirmed
        && Method == other.Method && Baseline == other.Baseline && BaselineCommit == other.BaselineCommit && Processes == other.Processes
        && CopiesPerSide == other.CopiesPerSide && Nullable.Equals(NoiseFloor, other.NoiseFloor)
        && ProcessRatios.SequenceEqual(other.ProcessRatios) && SelfRatios.SequenceEqual(other.SelfRatios) && ComparisonSeconds.Equals(other.ComparisonSeconds)
        && BuildDifferences.SequenceEqual(other.BuildDifferences);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Verdict, Message, Ratio, Threshold, Method, Processes, ProcessRatios.Count);
}
