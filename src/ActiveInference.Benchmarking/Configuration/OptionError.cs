namespace ActiveInference.Benchmarking.Configuration;

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
