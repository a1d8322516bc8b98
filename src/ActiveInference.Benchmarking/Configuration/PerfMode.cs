namespace ActiveInference.Benchmarking.Configuration;

/// <summary>What a perf run does with its measurements (configuration key <c>mode</c>, environment <c>PERF_MODE</c>).</summary>
internal enum PerfMode
{
    /// <summary>Compare with the baselines and fail a test that regressed (the default).</summary>
    Gate,
    /// <summary>Measure and merge the results into the baselines file; no comparison. Always an explicit choice.</summary>
    Record,
    /// <summary>Measure and report only: no comparison, no baseline written.</summary>
    Measure,
}
