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

/// <summary>
/// One invalid setting; <see cref="ToString"/> is the line shown in every failing perf test, e.g.
/// <c>PERF_THRESHOLD='-0.1': threshold must be a finite number ≥ 0</c>.
/// </summary>
/// <param name="Source">The layer the value came from.</param>
/// <param name="Key">The key as the user wrote it: <c>PERF_THRESHOLD</c> for the environment, <c>threshold</c> for runsettings.</param>
/// <param name="Value">The offending value, or null when the key itself is the problem and has no value.</param>
/// <param name="Problem">What is wrong and, where possible, how to fix it.</param>
internal sealed record OptionError(OptionSource Source, string Key, string? Value, string Problem)
{
    /// <summary>The message: <c>PERF_THRESHOLD='-0.1': …</c>, or <c>TestRunParameters threshold='-0.1': …</c> for runsettings.</summary>
    public override string ToString()
    {
        var where = Source == OptionSource.RunSettings ? $"TestRunParameters {Key}" : Key;
        return Value is null ? $"{where}: {Problem}" : $"{where}='{Value}': {Problem}";
    }
}

/// <summary>The configuration layer a setting came from, lowest precedence first.</summary>
internal enum OptionSource
{
    /// <summary>The built-in default.</summary>
    Default,
    /// <summary>A <c>TestRunParameters</c> parameter of the runsettings (or <c>dotnet test -- TestRunParameters.Parameter(...)</c>).</summary>
    RunSettings,
    /// <summary>A <c>PERF_</c> environment variable.</summary>
    Environment,
}
