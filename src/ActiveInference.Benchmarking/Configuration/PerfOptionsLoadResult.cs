namespace ActiveInference.Benchmarking.Configuration;

/// <summary>The outcome of <see cref="PerfOptionsLoader.Load"/>: valid options, or every error found (never both).</summary>
/// <param name="Options">The options when there is no error; otherwise null.</param>
/// <param name="Errors">Every invalid setting; empty when <see cref="Options"/> is set.</param>
internal sealed record PerfOptionsLoadResult(PerfOptions? Options, IReadOnlyList<OptionError> Errors)
{
    /// <summary>True when the configuration is valid.</summary>
    public bool IsValid => Options is not null;

    /// <summary>All errors, one per line, headed by a sentence saying what failed; empty when valid.</summary>
    public string ErrorMessage =>
        Errors.Count == 0 ? "" : "Invalid perf configuration:" + Environment.NewLine + string.Join(Environment.NewLine, Errors.Select(e => "  " + e));
}
