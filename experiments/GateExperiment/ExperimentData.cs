namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>One measuring process: what it measured, under which condition, and how long it took.</summary>
/// <param name="Id">Sequence number in the run.</param>
/// <param name="Role">"baseline", "check" or "confirm".</param>
/// <param name="Kernel">Benchmark method name (K1, K2, K3).</param>
/// <param name="Slowdown">Injected slowdown fraction (0 for A/A).</param>
/// <param name="Hog">True when a busy-loop process ran on the other core.</param>
/// <param name="StartedSeconds">Start time, seconds since the run began.</param>
/// <param name="WallSeconds">Wall time of the whole process (start-up, NUnit, warmup, measurement).</param>
/// <param name="Nanoseconds">Each sample's ns/op.</param>
/// <param name="Normalised">Each sample's ln(benchmark ÷ reference).</param>
/// <param name="AllocatedBytesPerOperation">Bytes per call.</param>
/// <param name="Error">Why the process gave no samples, or null.</param>
/// <param name="State">Per state probe, its ns/op next to each sample; null when the process measured none.</param>
internal sealed record ProcessRecord(int Id, string Role, string Kernel, double Slowdown, bool Hog, double StartedSeconds,
    double WallSeconds, double[] Nanoseconds, double[] Normalised, double AllocatedBytesPerOperation, string? Error,
    Dictionary<string, double[]>? State = null);

/// <summary>One check: a fresh process judged by the gate against the kernel's baseline (plus its confirmation, if any).</summary>
/// <param name="Kernel">Benchmark method name.</param>
/// <param name="Slowdown">Injected slowdown fraction.</param>
/// <param name="Hog">True when the busy loop ran during the check.</param>
/// <param name="First">Id of the checked process.</param>
/// <param name="Confirm">Id of the confirming process, or null when the gate asked for none.</param>
/// <param name="Verdict">The gate's verdict.</param>
/// <param name="Ratio">The gate's ratio (normalised current ÷ baseline), or null.</param>
/// <param name="NaiveRatio">Mean ns/op of the first process ÷ mean of the baseline recordings' means.</param>
/// <param name="Message">The gate's message.</param>
/// <param name="Confirms">Ids of every fresh process the gate started for this check, in order (re-draws and confirmations).</param>
internal sealed record CheckRecord(string Kernel, double Slowdown, bool Hog, int First, int? Confirm, string Verdict,
    double? Ratio, double NaiveRatio, string Message, int[]? Confirms = null);

/// <summary>Everything a run produced: enough to re-evaluate other policies without re-running a process.</summary>
internal sealed record ExperimentData(string Started, string Machine, string LoadAtStart, string LoadAtEnd,
    IReadOnlyList<ProcessRecord> Processes, IReadOnlyList<CheckRecord> Checks, IReadOnlyDictionary<string, int[]> Baselines);
