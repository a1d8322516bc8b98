namespace ActiveInference.Benchmarking.Engine;

/// <summary>What the engine measured for one benchmark: every sample of every stage, and how the run went.</summary>
/// <param name="Measurements">All samples in the order taken, tagged by stage.</param>
/// <param name="OperationsPerSample">Operations per measured sample, as chosen by the pilot (or fixed).</param>
/// <param name="OverheadNanosecondsPerOperation">Per-call cost of the empty invocation, subtracted from each measured sample.</param>
/// <param name="StoppedByTimeLimit">True when the measurement stage hit the time limit before reaching the asked iterations.</param>
/// <param name="Elapsed">Wall time of all stages.</param>
/// <param name="PeakManagedHeapBytes">Largest managed heap seen between samples.</param>
/// <param name="ReferenceName">Name of the reference workload, or null when none ran.</param>
internal sealed record EngineRun(
    IReadOnlyList<Measurement> Measurements,
    long OperationsPerSample,
    double OverheadNanosecondsPerOperation,
    bool StoppedByTimeLimit,
    TimeSpan Elapsed,
    long PeakManagedHeapBytes,
    string? ReferenceName)
{
    /// <summary>
    /// The companion workloads timed after every measured sample (see <see cref="BenchmarkEngine.Run"/>),
    /// each with one time per measured sample, aligned with <see cref="Measured"/>; empty when none ran.
    /// </summary>
    public IReadOnlyList<CompanionSamples> Companions { get; init; } = [];

    /// <summary>
    /// The state probes timed after the reference in every round, each with one time per measured sample, aligned with
    /// <see cref="Measured"/>; empty when none ran.
    /// </summary>
    public IReadOnlyList<CompanionSamples> Probes { get; init; } = [];

    /// <summary>The samples of the measurement stage only.</summary>
    public IReadOnlyList<Measurement> Measured => Measurements.Where(m => m.Stage == IterationStage.Measurement).ToArray();
}
