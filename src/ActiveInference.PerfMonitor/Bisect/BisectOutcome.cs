namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>What a bisect found, and the chain of paired measurements that led there.</summary>
/// <param name="Steps">The steps found, oldest first; empty when the range holds none beyond the threshold.</param>
/// <param name="Measurements">Every paired measurement made, in order.</param>
/// <param name="Skipped">Commits that did not build, each with why.</param>
internal sealed record BisectOutcome(IReadOnlyList<BisectStep> Steps, IReadOnlyList<PairMeasurement> Measurements, IReadOnlyList<UnbuildableCommitException> Skipped);
