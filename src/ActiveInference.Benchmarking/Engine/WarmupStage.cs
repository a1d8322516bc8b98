using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The warm-up's end rule as a policy: told the JIT's compiled-method count (and the speed) after each warm-up sample,
/// it says when the code has settled, or when the warm-up's time is up. The caller owns the loop and the timing.
/// </summary>
/// <param name="minimumSamples">Warm-up samples (or rounds) at least.</param>
/// <param name="minimumSeconds">Warm-up lasts at least this long, s.</param>
/// <param name="maximumSeconds">Warm-up never lasts longer than this, s.</param>
/// <param name="untilSpeedSettles">
/// Also wait until the time relative to the reference stops falling (the in-process engine, which has a reference);
/// the paired sampler compares copies with each other and waits for the JIT only.
/// </param>
internal sealed class WarmupStage(int minimumSamples, double minimumSeconds, double maximumSeconds, bool untilSpeedSettles)
{
    private readonly List<long> _compiled = [];
    private readonly List<double> _speeds = [];

    /// <summary>Samples taken so far.</summary>
    public int Samples => _speeds.Count;

    /// <summary>Records the compiled-method count before the first sample, so that two samples can already show a quiet JIT.</summary>
    public void Start(long compiledMethods) => _compiled.Add(compiledMethods);

    /// <summary>Takes one sample's compiled-method count and its speed (ns/op relative to the reference; ignored unless <c>untilSpeedSettles</c>).</summary>
    public void Add(long compiledMethods, double speed = double.NaN)
    {
        _compiled.Add(compiledMethods);
        _speeds.Add(speed);
    }

    /// <summary>True once the warm-up has run its maximum time, whatever the JIT does.</summary>
    public bool TimeIsUp(double elapsedSeconds) => elapsedSeconds >= maximumSeconds;

    /// <summary>
    /// True when the minimum samples and time have passed, the JIT compiled nothing over the last two samples, and (if asked)
    /// the median speed of the last three samples is no more than 10% faster than that of the three before.
    /// </summary>
    public bool HasSettled(double elapsedSeconds) =>
        Samples >= minimumSamples && _compiled.Count >= 3 && _compiled[^1] == _compiled[^3] && elapsedSeconds >= minimumSeconds
        && (!untilSpeedSettles || SpeedHasSettled());

    private bool SpeedHasSettled()
    {
        if (_speeds.Count < 6) return false;
        var recent = Quantile.Median(_speeds.Skip(_speeds.Count - 3));
        var before = Quantile.Median(_speeds.Skip(_speeds.Count - 6).Take(3));
        return recent >= 0.9 * before;
    }
}
