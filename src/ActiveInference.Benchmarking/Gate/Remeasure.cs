namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// Measures the benchmark being gated again in a fresh process (the recorded-numbers fallback confirms a suspect with
/// it): its samples, or why there are none. Implemented outside the gate (a child process; stored samples offline).
/// </summary>
internal delegate (Remeasurement? Samples, string? Error) Remeasure();
