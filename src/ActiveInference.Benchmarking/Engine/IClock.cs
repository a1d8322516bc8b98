namespace ActiveInference.Benchmarking.Engine;

/// <summary>A monotonic clock in ticks; the engine reads time only through it, so tests can drive it synthetically.</summary>
internal interface IClock
{
    /// <summary>Current reading in ticks.</summary>
    long Timestamp();

    /// <summary>Ticks per second.</summary>
    double Frequency { get; }
}
