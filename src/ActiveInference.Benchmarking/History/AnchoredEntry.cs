using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.History;

/// <summary>One benchmark in a history file: its paired ratio to the run's anchor and the raw numbers beside it.</summary>
/// <param name="FullName">The benchmark's full NUnit name (the key of its series).</param>
/// <param name="Verdict">The gate's verdict in that run.</param>
/// <param name="Ratio">Time of the run's code ÷ time of the anchor's code, paired; null when not measured beside the anchor.</param>
/// <param name="Lower">Lower bound of the ratio's interval, or null.</param>
/// <param name="Upper">Upper bound of the ratio's interval, or null.</param>
/// <param name="NoiseFloor">The run's noise floor as a relative change (0.021 = ±2.1%), or null.</param>
/// <param name="Processes">Paired processes the ratio rests on (0 when none).</param>
/// <param name="CopiesPerSide">Copies of each side per paired process (0 when not paired).</param>
/// <param name="RawAnchorMedianNanoseconds">Raw median ns/op of the anchor's copies in this run (the machine's speed is in it), or null.</param>
/// <param name="RawCurrentMedianNanoseconds">Raw median ns/op of the run's code (the machine's speed is in it), or null.</param>
/// <param name="BytesPerOperation">Managed bytes allocated per call, or null when unknown.</param>
internal sealed record AnchoredEntry(
    string FullName,
    Verdict Verdict,
    double? Ratio,
    double? Lower,
    double? Upper,
    double? NoiseFloor,
    int Processes,
    int CopiesPerSide,
    double? RawAnchorMedianNanoseconds,
    double? RawCurrentMedianNanoseconds,
    double? BytesPerOperation)
{
    /// <summary>The benchmark's own threshold when it differs from the run's (<c>[PerfBenchmark(Threshold = …)]</c>), else null.</summary>
    public double? Threshold { get; init; }
}
