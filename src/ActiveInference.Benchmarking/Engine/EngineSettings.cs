namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// How the engine measures one benchmark. Immutable; built from <see cref="PerfBenchmarkAttribute"/> and validated by
/// <see cref="Validate"/> before anything runs.
/// </summary>
internal sealed record EngineSettings
{
    /// <summary>Minimum number of measured samples.</summary>
    public int Iterations { get; init; } = 30;

    /// <summary>Minimum number of warmup samples after the pilot, interleaved with overhead samples.</summary>
    public int WarmupIterations { get; init; } = 5;

    /// <summary>Wall-clock budget of the measurement stage. The stage stops early when it is reached, and the result says so.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Shortest duration of one sample; the pilot picks operations per sample to reach it.</summary>
    public TimeSpan MinSampleTime { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// How long the pilot keeps calling the benchmark before measuring. Tiered JIT promotes a method only after a
    /// call-counting delay of about 100 ms, so warming up by count measures tier-0 code; warm up by time.
    /// </summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The measurement stage runs at least this long (as well as <see cref="Iterations"/> samples), so short benchmarks
    /// get enough rounds.
    /// </summary>
    public TimeSpan MinMeasurementTime { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Fixed operations per sample (e.g. 1 for a benchmark that needs fresh state per call), or 0 to let the pilot choose.</summary>
    public long OperationsPerSample { get; init; }

    /// <summary>Upper bound on measured samples, whatever the time allows.</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>
    /// The problems with these settings, each naming the setting as <see cref="PerfBenchmarkAttribute"/> spells it
    /// (where a person sets it) and its value; empty when valid. The one set of rules: the attribute calls it too.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Iterations < 1) errors.Add($"Iterations = {Iterations}: must be at least 1");
        if (WarmupIterations < 0) errors.Add($"Warmup = {WarmupIterations}: must be 0 or more");
        if (OperationsPerSample < 0) errors.Add($"OperationsPerSample = {OperationsPerSample}: must be 0 (the pilot chooses) or positive");
        if (!(TimeLimit > TimeSpan.Zero)) errors.Add($"TimeLimit = {Invariant(TimeLimit.TotalSeconds)} s: must be a positive number of seconds");
        if (!(MinSampleTime > TimeSpan.Zero)) errors.Add($"MinSampleTimeMilliseconds = {Invariant(MinSampleTime.TotalMilliseconds)}: must be positive");
        if (WarmupTime < TimeSpan.Zero) errors.Add($"WarmupTimeMilliseconds = {Invariant(WarmupTime.TotalMilliseconds)}: must be 0 or more");
        if (MinMeasurementTime < TimeSpan.Zero) errors.Add($"MinMeasurementTimeMilliseconds = {Invariant(MinMeasurementTime.TotalMilliseconds)}: must be 0 or more");
        if (MaxIterations < Iterations) errors.Add($"MaxIterations = {MaxIterations}: must be at least Iterations ({Iterations})");
        return errors;
    }

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
