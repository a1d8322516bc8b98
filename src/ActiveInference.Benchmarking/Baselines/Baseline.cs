using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>What one benchmark is compared against on one machine profile: its recent recordings.</summary>
/// <param name="FullName">The benchmark's full NUnit name.</param>
/// <param name="Profile">The machine profile the recordings were made on.</param>
/// <param name="Recordings">The stored recordings, oldest first; never empty.</param>
internal sealed record Baseline(string FullName, MachineProfile Profile, IReadOnlyList<Recording> Recordings)
{
    /// <summary>Median over recordings of each recording's median ns/op.</summary>
    public double CenterNanosecondsPerOperation => Quantile.Median(Recordings.Select(r => r.Time.Median));

    /// <summary>The most recent recording.</summary>
    public Recording Latest => Recordings[^1];
}
