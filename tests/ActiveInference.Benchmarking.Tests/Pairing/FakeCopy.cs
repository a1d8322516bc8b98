using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Tests.Engine;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>
/// One copy of a benchmark with a known cost on a <see cref="FakeClock"/>: <c>Run(n)</c> advances the clock by n × cost
/// and logs the copy's name, its empty loop advances it by n × overhead and logs <c>~name</c>, and the optional per-sample
/// setup advances it by a fixed amount. Optionally "tiers up": the cost drops once the clock passes a reading.
/// </summary>
internal sealed class FakeCopy(Side side, int index, FakeClock clock, double nanosecondsPerOperation, List<string>? log = null)
{
    private bool _fresh;

    public string Name { get; } = (side == Side.Baseline ? "B" : "C") + index;

    /// <summary>Cost per call of the empty loop.</summary>
    public double OverheadNanosecondsPerOperation { get; init; }

    /// <summary>Cost per call once the clock reads <see cref="TierUpAtNanoseconds"/>; NaN never tiers up.</summary>
    public double TieredNanosecondsPerOperation { get; init; } = double.NaN;

    public long TierUpAtNanoseconds { get; init; }

    /// <summary>What one per-sample setup costs on the clock; negative means the copy has no setup.</summary>
    public double SetupNanoseconds { get; init; } = -1;

    /// <summary>Bytes each <c>Run</c> allocates (one array), 0 for none.</summary>
    public int AllocatesPerRun { get; init; }

    public int Runs { get; private set; }

    public int Setups { get; private set; }

    /// <summary>Calls of <c>Run</c> with no setup since the previous one.</summary>
    public int StaleRuns { get; private set; }

    /// <summary>Each <c>Run(n)</c>'s n, in order (only when logging).</summary>
    public List<long> Batches { get; } = [];

    private double Cost => !double.IsNaN(TieredNanosecondsPerOperation) && clock.Now >= TierUpAtNanoseconds
        ? TieredNanosecondsPerOperation
        : nanosecondsPerOperation;

    public PairedWorkload ToWorkload() =>
        new(side, index, new Workload(Run, Overhead, SetupNanoseconds < 0 ? null : Setup));

    private void Run(long n)
    {
        Runs++;
        if (SetupNanoseconds >= 0 && !_fresh) StaleRuns++;
        _fresh = false;
        if (AllocatesPerRun > 0) GC.KeepAlive(new byte[AllocatesPerRun]);
        clock.Advance(n * Cost);
        if (log is not null)
        {
            Batches.Add(n);
            log.Add(Name);
        }
    }

    private void Overhead(long n)
    {
        clock.Advance(n * OverheadNanosecondsPerOperation);
        log?.Add("~" + Name);
    }

    private void Setup()
    {
        Setups++;
        _fresh = true;
        clock.Advance(SetupNanoseconds);
    }
}
