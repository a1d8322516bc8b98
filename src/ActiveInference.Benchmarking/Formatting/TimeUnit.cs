namespace ActiveInference.Benchmarking.Formatting;

/// <summary>A unit of time for display: its symbol and how many nanoseconds one unit holds.</summary>
/// <param name="Symbol">Symbol shown after a value: <c>ns</c>, <c>µs</c>, <c>ms</c> or <c>s</c>.</param>
/// <param name="Nanoseconds">Nanoseconds in one unit (1, 1e3, 1e6, 1e9).</param>
internal sealed record TimeUnit(string Symbol, double Nanoseconds)
{
    /// <summary>Nanoseconds.</summary>
    public static TimeUnit Nanosecond { get; } = new("ns", 1);

    /// <summary>Microseconds.</summary>
    public static TimeUnit Microsecond { get; } = new("µs", 1e3);

    /// <summary>Milliseconds.</summary>
    public static TimeUnit Millisecond { get; } = new("ms", 1e6);

    /// <summary>Seconds.</summary>
    public static TimeUnit Second { get; } = new("s", 1e9);

    /// <summary>The largest unit in which <paramref name="nanoseconds"/> reads as at least 1 (nanoseconds below that and for NaN).</summary>
    public static TimeUnit For(double nanoseconds)
    {
        var magnitude = Math.Abs(nanoseconds);
        return magnitude >= Second.Nanoseconds ? Second
            : magnitude >= Millisecond.Nanoseconds ? Millisecond
            : magnitude >= Microsecond.Nanoseconds ? Microsecond
            : Nanosecond;
    }
}
