namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// A workload timed beside every measured sample: the reference (<see cref="QuadraticFormReference"/>), a state probe
/// (<see cref="StateProbes"/>) or a companion (<see cref="CompanionWorkload"/>).
/// </summary>
internal interface ISideWorkload
{
    /// <summary>A stable name, stored with baselines: ratios against different references are not comparable.</summary>
    string Name { get; }

    /// <summary>Runs the workload's operation <paramref name="operations"/> times.</summary>
    void Run(long operations);
}
