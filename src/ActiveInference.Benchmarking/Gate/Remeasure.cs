namespace ActiveInference.Benchmarking.Gate;

/// <summary>Measures the gated benchmark again in a fresh process: its samples, or why there are none.</summary>
internal delegate (Remeasurement? Samples, string? Error) Remeasure();
