namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// A fixed workload timed right after every measured sample. The machine's speed changes (here: two states about
/// 2x apart, switching every 0.1–1 s) slow the benchmark and its neighbouring reference alike, so the ratio of the
/// two is far steadier across processes than either time alone. It only works when the reference shares the
/// benchmark's bottleneck.
/// </summary>
public interface IReferenceWorkload
{
    /// <summary>A stable name, stored with baselines: ratios against different references are not comparable.</summary>
    string Name { get; }

    /// <summary>Runs the reference operation <paramref name="operations"/> times.</summary>
    void Run(long operations);
}
