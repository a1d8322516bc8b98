namespace ActiveInference.Benchmarking.Engine;

/// <summary>The stage of the engine a <see cref="Measurement"/> was taken in, in the order the engine runs them.</summary>
internal enum IterationStage
{
    /// <summary>The first call: compiles the method (tier 0) and surfaces exceptions before anything is timed.</summary>
    Jitting,
    /// <summary>
    /// Doubling batches that find how many operations make one sample last the minimum sample time; also warms the code
    /// up by time.
    /// </summary>
    Pilot,
    /// <summary>An empty invocation of the same shape, whose per-operation cost is subtracted from every sample.</summary>
    Overhead,
    /// <summary>Samples taken and discarded until the code has settled (tiered JIT done, caches warm).</summary>
    Warmup,
    /// <summary>The samples the statistics and the gate use.</summary>
    Measurement,
}
