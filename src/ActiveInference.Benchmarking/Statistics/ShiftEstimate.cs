namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// A location shift of X relative to Y with its confidence interval (from <see cref="HodgesLehmann"/>).
/// </summary>
/// <param name="Shift">
/// Estimated shift, in the unit of the samples: positive when X is larger than Y. For log-ratio samples
/// (ln(ns/op ÷ reference ns/op)), exp(Shift) is the factor by which X is slower than Y.
/// </param>
/// <param name="Interval">
/// Confidence interval of the shift. Its <see cref="ConfidenceInterval.Level"/> is the requested level, or the
/// lower coverage actually achieved when the samples are too small to reach it (then the interval is
/// [min difference, max difference]).
/// </param>
/// <param name="IsExact">Whether the interval bounds come from the exact Mann–Whitney distribution (true) or its normal approximation.</param>
public sealed record ShiftEstimate(double Shift, ConfidenceInterval Interval, bool IsExact);
