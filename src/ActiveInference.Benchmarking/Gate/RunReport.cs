namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// One perf run: where, when and with what settings it ran, and every benchmark's result with the gate's verdict; the
/// reports and the history are both made from it, so it lives below both.
/// </summary>
internal sealed record RunReport
{
    /// <summary>
    /// Name of the suite (usually the perf test assembly), e.g. <c>ActiveInference.Core.PerfTests</c>: the seed's
    /// <c>benchmark_suite</c>.
    /// </summary>
    public required string Suite { get; init; }

    /// <summary>When the run ended; exporters write it in UTC.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The settings the run used (mode, threshold, baseline path, ...), as key/value text: the seed's <c>config</c>.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Identifier of the machine profile the baselines are kept under (e.g. <c>linux-x64-2cpu</c>).</summary>
    public required string MachineProfileId { get; init; }

    /// <summary>A person's description of the machine (CPU, OS, runtime); may be empty.</summary>
    public string MachineProfileDescription { get; init; } = "";

    /// <summary>Source commit the run measured, or null when unknown.</summary>
    public string? Commit { get; init; }

    /// <summary>Source branch the run measured, or null when unknown.</summary>
    public string? Branch { get; init; }

    /// <summary>
    /// Every benchmark case of the run, each measurement with the gate's verdict on it, in any order (exporters sort
    /// them, see <see cref="OrderedResults"/>).
    /// </summary>
    public required IReadOnlyList<GatedResult> Results { get; init; }

    /// <summary>The results by suite, then full name (ordinal), so reports of two runs diff line by line.</summary>
    public IReadOnlyList<GatedResult> OrderedResults() =>
        Results.OrderBy(r => r.Measured.Suite, StringComparer.Ordinal).ThenBy(r => r.Measured.FullName, StringComparer.Ordinal).ToArray();

    /// <summary>The results the gate judged <see cref="Verdict.Regressed"/>, in report order.</summary>
    public IReadOnlyList<GatedResult> Regressions() =>
        OrderedResults().Where(r => r.Gate?.Verdict == Verdict.Regressed).ToArray();
}
