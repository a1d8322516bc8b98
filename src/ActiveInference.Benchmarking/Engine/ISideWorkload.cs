namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// A workload the engine times beside every measured sample: the reference workload (<see cref="QuadraticFormReference"/>,
/// the one "reference" of the engine: the state column the fallback gate matches on and the denominator of the normalised samples), a state probe (<see cref="StateProbes"/>)
/// or a companion benchmark (<see cref="CompanionWorkload"/>). The machine's speed changes (here: two states about 2x
/// apart, switching every 0.1–1 s) slow the benchmark and its neighbours alike, so their ratio is far steadier across
/// processes than either time alone, when they share the benchmark's bottleneck.
/// </summary>
internal interface ISideWorkload
{
    /// <summary>A stable name, stored with baselines: ratios against different references are not comparable.</summary>
    string Name { get; }

    /// <summary>Runs the workload's operation <paramref name="operations"/> times.</summary>
    void Run(long operations);
}
