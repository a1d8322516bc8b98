using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.History;

/// <summary>How a history point's verdict was measured (history schema 2); times are ns/op.</summary>
/// <param name="Method">Paired (the baseline's code beside the current code), Recorded (against baselines.json) or None.</param>
/// <param name="Baseline">What it was measured against as messages name it (<c>commit 1b56a1b</c>), or null.</param>
/// <param name="BaselineCommit">The baseline commit (full hash) when known, or null.</param>
/// <param name="Processes">Processes that measured the comparison.</param>
/// <param name="CopiesPerSide">Copies of each side per paired process; 0 when not paired.</param>
/// <param name="NoiseFloor">The run's noise floor as a relative change (0.021 = ±2.1%), or null.</param>
/// <param name="RatioInterval">The interval of current ÷ baseline time, or null.</param>
/// <param name="BaselineRawMedianNanoseconds">The baseline side's raw median (paired: measured in the same processes), or null.</param>
/// <param name="CurrentRawMedianNanoseconds">The current side's raw median as the gate saw it (NaN when unknown).</param>
internal sealed record HistoryComparison(
    ComparisonMethod Method,
    string? Baseline,
    string? BaselineCommit,
    int Processes,
    int CopiesPerSide,
    double? NoiseFloor,
    ConfidenceInterval? RatioInterval,
    double? BaselineRawMedianNanoseconds,
    double CurrentRawMedianNanoseconds)
{
    /// <summary>The part of <paramref name="gate"/> the history keeps: the one mapping from the outcome to a history row.</summary>
    public static HistoryComparison From(GateOutcome gate) =>
        new(gate.Method, gate.Baseline, gate.BaselineCommit, gate.Processes, gate.CopiesPerSide, gate.NoiseFloor, gate.RatioInterval,
            gate.BaselineMedianNanoseconds, gate.CurrentMedianNanoseconds);
}
