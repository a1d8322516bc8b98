using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>The gate's decision for one benchmark, with the evidence behind it.</summary>
/// <param name="Verdict">The decision.</param>
/// <param name="Message">One line a person can act on (see the README's "reading a failure").</param>
/// <param name="Ratio">The estimated current ÷ baseline time per operation (paired: the mean over processes; recorded:
/// state-matched), or null without a comparison.</param>
/// <param name="RatioInterval">Confidence interval of <see cref="Ratio"/>, or null.</param>
/// <param name="PValue">Always null today (no gate computes a p-value); kept so results.json and results.csv keep their <c>p_value</c> field.</param>
/// <param name="Threshold">The relative threshold that applied (0.10 = 10%).</param>
/// <param name="BaselineMedianNanoseconds">Raw baseline median ns/op (paired: the baseline's copies in this run;
/// recorded: the recordings'), or null without a baseline.</param>
/// <param name="CurrentMedianNanoseconds">Raw current median ns/op (paired: the current copies in the paired processes).</param>
/// <param name="Confirmed">True when a suspect was re-measured in a fresh process and still flagged; false when it was
/// re-measured and cleared; null when no re-measurement ran.</param>
internal sealed record GateOutcome(
    Verdict Verdict,
    string Message,
    double? Ratio,
    ConfidenceInterval? RatioInterval,
    double? PValue,
    double Threshold,
    double? BaselineMedianNanoseconds,
    double CurrentMedianNanoseconds,
    bool? Confirmed = null)
{
    /// <summary>How the change was measured.</summary>
    public ComparisonMethod Method { get; init; }

    /// <summary>
    /// What it was measured against, as messages name it: <c>commit 1b56a1b</c>, or <c>the recorded numbers of
    /// 2026-11-29</c>; null without a comparison.
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

    /// <summary>Value equality including the ratio lists (records compare lists by reference).</summary>
    public bool Equals(GateOutcome? other) =>
        other is not null
        && Verdict == other.Verdict && Message == other.Message && Nullable.Equals(Ratio, other.Ratio) && Nullable.Equals(RatioInterval, other.RatioInterval)
        && Nullable.Equals(PValue, other.PValue) && Threshold.Equals(other.Threshold) && Nullable.Equals(BaselineMedianNanoseconds, other.BaselineMedianNanoseconds)
        && CurrentMedianNanoseconds.Equals(other.CurrentMedianNanoseconds) && Confirmed == other.Confirmed
        && Method == other.Method && Baseline == other.Baseline && BaselineCommit == other.BaselineCommit && Processes == other.Processes
        && CopiesPerSide == other.CopiesPerSide && Nullable.Equals(NoiseFloor, other.NoiseFloor)
        && ProcessRatios.SequenceEqual(other.ProcessRatios) && SelfRatios.SequenceEqual(other.SelfRatios) && ComparisonSeconds.Equals(other.ComparisonSeconds)
        && BuildDifferences.SequenceEqual(other.BuildDifferences);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Verdict, Message, Ratio, Threshold, Method, Processes, ProcessRatios.Count);
}
