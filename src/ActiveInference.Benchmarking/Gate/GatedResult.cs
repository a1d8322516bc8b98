namespace ActiveInference.Benchmarking.Gate;

/// <summary>One benchmark case as the run reports it: the measurement and, apart from it, the gate's verdict.</summary>
/// <param name="Measured">The measurement, as the engine produced it (or as read back from <c>results.json</c>).</param>
/// <param name="Gate">The gate's decision, or null when no gate ran.</param>
internal sealed record GatedResult(BenchmarkResult Measured, GateOutcome? Gate = null);
