namespace ActiveInference.Benchmarking.Gate;

/// <summary>How a verdict's change was measured.</summary>
internal enum ComparisonMethod
{
    /// <summary>No comparison (measure or record mode, a new benchmark, a failure before comparing).</summary>
    None,

    /// <summary>The baseline's code measured beside the current code, in the same processes.</summary>
    Paired,

    /// <summary>Against the numbers recorded in <c>baselines.json</c> (the fallback when no baseline code can be had).</summary>
    Recorded,

    /// <summary>
    /// The baseline's build and the current one measured in separate processes, interleaved in random order on the same
    /// machine at the same time (a change that cannot share a process: runtime settings, native packages).
    /// </summary>
    Interleaved,
}
