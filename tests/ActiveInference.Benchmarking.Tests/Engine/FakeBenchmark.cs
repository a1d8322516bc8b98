using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>
/// A benchmark with a known cost on a <see cref="FakeClock"/>: <c>Run(n)</c> advances the clock by
/// n × (cost + loop overhead), the overhead twin by n × loop overhead, and the optional per-sample setup by a
/// fixed amount. Optionally "tiers up": the cost drops once the clock passes <see cref="TierUpAtNanoseconds"/>.
/// </summary>
internal sealed class FakeBenchmark(FakeClock clock, double nanosecondsPerOperation)
{
    private bool _fresh;

    /// <summary>Loop overhead per call, paid by the benchmark loop and its empty twin alike.</summary>
    public double OverheadNanosecondsPerOperation { get; init; }

    /// <summary>Cost per call once tiered up; NaN never tiers up.</summary>
    public double TieredNanosecondsPerOperation { get; init; } = double.NaN;

    /// <summary>Clock reading from which the tiered cost applies.</summary>
    public long TierUpAtNanoseconds { get; init; }

    /// <summary>What one per-sample setup costs on the clock; negative means the workload has no setup.</summary>
    public double SetupNanoseconds { get; init; } = -1;

    /// <summary>Throws this from the very first call, when set.</summary>
    public Exception? FirstCallThrows { get; init; }

    public int Runs { get; private set; }

    public int Setups { get; private set; }

    /// <summary>Calls of <c>Run</c> that found no fresh setup before them.</summary>
    public int StaleRuns { get; private set; }

    /// <summary>Simulated time spent inside <c>Run</c>, in nanoseconds.</summary>
    public double BusyNanoseconds { get; private set; }

    /// <summary>Each <c>Run(n)</c> call's n, in order.</summary>
    public List<long> Batches { get; } = [];

    public double CurrentCost =>
        !double.IsNaN(TieredNanosecondsPerOperation) && clock.Now >= TierUpAtNanoseconds ? TieredNanosecondsPerOperation : nanosecondsPerOperation;

    public Workload ToWorkload() => new(Run, n => clock.Advance(n * OverheadNanosecondsPerOperation), SetupNanoseconds < 0 ? null : Setup);

    private void Run(long n)
    {
        if (Runs++ == 0 && FirstCallThrows is not null) throw FirstCallThrows;
        if (SetupNanoseconds >= 0 && !_fresh) StaleRuns++;
        _fresh = false;
        Batches.Add(n);
        var started = clock.Now;
        clock.Advance(n * (CurrentCost + OverheadNanosecondsPerOperation));
        BusyNanoseconds += clock.Now - started;
    }

    private void Setup()
    {
        Setups++;
        _fresh = true;
        clock.Advance(SetupNanoseconds);
    }
}
