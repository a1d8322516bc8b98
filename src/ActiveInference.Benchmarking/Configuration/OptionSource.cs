namespace ActiveInference.Benchmarking.Configuration;

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
