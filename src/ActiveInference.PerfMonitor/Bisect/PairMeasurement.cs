namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>A paired gate run of <paramref name="Current"/>'s code beside <paramref name="Baseline"/>'s: every benchmark of the filter.</summary>
/// <param name="Current">The later commit (full hash).</param>
/// <param name="Baseline">The earlier commit (full hash).</param>
/// <param name="Benchmarks">Full name → its change.</param>
internal sealed record PairMeasurement(string Current, string Baseline, IReadOnlyDictionary<string, MeasuredRatio> Benchmarks);
