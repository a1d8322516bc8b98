namespace ActiveInference.Benchmarking.Pairing;

/// <summary>How one process measures its copies side by side (see <see cref="PairedSampler"/>). Immutable.</summary>
internal sealed record PairedSamplerSettings
{
    /// <summary>Shortest sample: the pilot picks operations per sample so that the fastest copy takes at least this long.</summary>
    public TimeSpan MinSampleTime { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Fixed operations per sample (with a per-sample set-up); 0 lets the pilot choose.</summary>
    public long OperationsPerSample { get; init; }

    /// <summary>Warm-up rounds go on at least this long, and until the JIT has compiled nothing new for two rounds.</summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Warm-up rounds at least.</summary>
    public int MinWarmupRounds { get; init; } = 3;

    /// <summary>Warm-up never lasts longer than this.</summary>
    public TimeSpan MaxWarmupTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Measured rounds aim to fill this much time (the round count is derived from the warm-up rounds' length).</summary>
    public TimeSpan MeasurementTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Measured rounds at least, however long a round is.</summary>
    public int MinRounds { get; init; } = 12;

    /// <summary>Measured rounds at most, however short a round is.</summary>
    public int MaxRounds { get; init; } = 120;
}
