using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>A clock that moves only when told to: one tick is one nanosecond, so tests can reason about time exactly.</summary>
internal sealed class FakeClock : IClock
{
    /// <summary>Current reading in nanoseconds since the clock was made.</summary>
    public long Now { get; private set; }

    public double Frequency => 1e9;

    public long Timestamp() => Now;

    public void Advance(double nanoseconds) => Now += (long)Math.Round(nanoseconds);
}
