using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// The gate's decision for one benchmark, with the evidence behind it, as a plain value for the test outcome
/// and the reports.
/// </summary>
/// <param name="Verdict">The decision.</param>
/// <param name="Message">One line a person can act on (see the README's "reading a failure").</param>
/// <param name="Ratio">Current ÷ baseline time per operation (reference-normalised when both sides have a reference), or null without a comparison.</param>
/// <param name="RatioInterval">Confidence interval of <see cref="Ratio"/>, or null.</param>
/// <param name="PValue">One-sided p-value of the "slower" hypothesis, or null.</param>
/// <param name="Threshold">The relative threshold that applied (0.10 = 10%).</param>
/// <param name="BaselineMedianNanoseconds">Baseline median ns/op, or null without a baseline.</param>
/// <param name="CurrentMedianNanoseconds">Current median ns/op.</param>
/// <param name="Confirmed">True when a suspect was re-measured in a fresh process and still flagged; false when it was re-measured and cleared; null when no re-measurement ran.</param>
public sealed record GateOutcome(
    Verdict Verdict,
    string Message,
    double? Ratio,
    ConfidenceInterval? RatioInterval,
    double? PValue,
    double Threshold,
    double? BaselineMedianNanoseconds,
    double CurrentMedianNanoseconds,
    bool? Confirmed = null);
