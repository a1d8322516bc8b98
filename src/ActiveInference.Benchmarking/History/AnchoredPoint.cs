using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.History;

/// <summary>One point of a benchmark's anchored series: its ratio in the units of the series' first anchor, and the raw numbers of that run.</summary>
/// <param name="Commit">The commit the run measured.</param>
/// <param name="ParentCommit">Its first parent, or null.</param>
/// <param name="Date">When the run ended (UTC).</param>
/// <param name="File">The run's file, relative to the history folder.</param>
/// <param name="MeasuredAgainst">The anchor the run was paired with (the series' unit when no link was needed).</param>
/// <param name="Verdict">The gate's verdict in that run.</param>
/// <param name="Ratio">Time ÷ the first anchor's time, through the anchor links when the run's anchor was another.</param>
/// <param name="Lower">Lower bound of the ratio's interval (link uncertainty included), or null.</param>
/// <param name="Upper">Upper bound of the ratio's interval, or null.</param>
/// <param name="NoiseFloor">The run's noise floor (relative), or null.</param>
/// <param name="Processes">Paired processes behind the ratio (0 for an unchanged point).</param>
/// <param name="CopiesPerSide">Copies of each side per process.</param>
/// <param name="RawAnchorMedianNanoseconds">Raw median ns/op of the run's anchor in that run (machine speed included), or null.</param>
/// <param name="RawCurrentMedianNanoseconds">Raw median ns/op of the run's code (machine speed included), or null.</param>
/// <param name="BytesPerOperation">Managed bytes allocated per call, or null.</param>
/// <param name="Unchanged">
/// True when nothing was measured because the code was identical to the anchor's (<see cref="Verdict.Unchanged"/>):
/// the point sits at the anchor's own level, with no interval.
/// </param>
internal sealed record AnchoredPoint(
    string Commit,
    string? ParentCommit,
    DateTimeOffset Date,
    string File,
    string MeasuredAgainst,
    Verdict Verdict,
    double Ratio,
    double? Lower,
    double? Upper,
    double? NoiseFloor,
    int Processes,
    int CopiesPerSide,
    double? RawAnchorMedianNanoseconds,
    double? RawCurrentMedianNanoseconds,
    double? BytesPerOperation,
    bool Unchanged);
