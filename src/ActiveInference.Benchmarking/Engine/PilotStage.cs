namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The pilot as a policy: told each sample's time, it says how many calls the next sample makes and when the pilot is
/// done, and then how many calls make one sample last the minimum. The caller owns the loop and the timing.
/// </summary>
/// <param name="minimumSampleNanoseconds">Shortest sample, ns: shorter samples only grow the calls per sample.</param>
/// <param name="warmupNanoseconds">The pilot goes on at least this long, ns (0: done at the first long-enough samples).</param>
/// <param name="window">Long-enough samples the estimate is taken from (their fastest per-call time), at least 1.</param>
/// <param name="maxGrowth">Most the calls per sample grow by from one sample to the next (at least 2).</param>
/// <param name="maxOperations">Calls per sample past which a too-short sample counts anyway (a call that takes no time).</param>
internal sealed class PilotStage(double minimumSampleNanoseconds, double warmupNanoseconds, int window, double maxGrowth,
    long maxOperations = long.MaxValue)
{
    private readonly Queue<double> _recent = new();

    /// <summary>Calls the next pilot sample makes (starts at 1).</summary>
    public long Operations { get; private set; } = 1;

    /// <summary>
    /// Takes a sample of <see cref="Operations"/> calls that lasted <paramref name="nanoseconds"/>, the pilot having run
    /// <paramref name="elapsedNanoseconds"/> so far; true when the pilot is done.
    /// </summary>
    public bool Add(double nanoseconds, double elapsedNanoseconds)
    {
        if (nanoseconds < minimumSampleNanoseconds && Operations < maxOperations)
        {
            Operations = Grow(Operations, nanoseconds, minimumSampleNanoseconds, maxGrowth);
            return false;
        }
        _recent.Enqueue(nanoseconds / Operations);
        if (_recent.Count > window) _recent.Dequeue();
        return elapsedNanoseconds >= warmupNanoseconds && _recent.Count == window;
    }

    /// <summary>
    /// The fastest per-call time, ns, of the last <c>window</c> long-enough samples. Interference (preemption, a slow CPU
    /// state) only lengthens a sample, so the fastest is the best estimate of the undisturbed cost.
    /// </summary>
    public double FastestNanosecondsPerOperation => _recent.Count == 0 ? double.PositiveInfinity : _recent.Min();

    /// <summary>Calls per sample for the minimum sample time at <see cref="FastestNanosecondsPerOperation"/>.</summary>
    public long CallsPerSample => CallsFor(minimumSampleNanoseconds, FastestNanosecondsPerOperation);

    /// <summary>Calls that make a sample last <paramref name="minimumNanoseconds"/> at <paramref name="nanosecondsPerOperation"/> ns a call; at least 1.</summary>
    public static long CallsFor(double minimumNanoseconds, double nanosecondsPerOperation) =>
        Math.Max(1, (long)Math.Ceiling(minimumNanoseconds / Math.Max(nanosecondsPerOperation, 1e-3)));

    /// <summary>
    /// The calls for the next sample after <paramref name="operations"/> calls took <paramref name="nanoseconds"/>: scaled
    /// towards the minimum, by 2 to <paramref name="maxGrowth"/> times (the most when no time was seen).
    /// </summary>
    public static long Grow(long operations, double nanoseconds, double minimumNanoseconds, double maxGrowth)
    {
        var scale = nanoseconds <= 0 ? maxGrowth : Math.Clamp(minimumNanoseconds / nanoseconds, 2, maxGrowth);
        return Math.Max(operations + 1, (long)Math.Ceiling(operations * scale));
    }
}
