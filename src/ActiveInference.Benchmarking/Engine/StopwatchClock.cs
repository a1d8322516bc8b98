using System.Diagnostics;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>The high-resolution <see cref="Stopwatch"/> clock.</summary>
internal sealed class StopwatchClock : IClock
{
    /// <summary>The one instance; the clock has no state.</summary>
    public static StopwatchClock Instance { get; } = new();

    private StopwatchClock() { }

    /// <inheritdoc />
    public long Timestamp() => Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public double Frequency => Stopwatch.Frequency;
}
