namespace ActiveInference.PerfMonitor;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and nothing regressed.</summary>
    public const int Clean = 0;

    /// <summary>At least one benchmark regressed (or the perf tests failed because of the gate).</summary>
    public const int Regression = 1;

    /// <summary>
    /// Usage error (unknown option, bad value) or infrastructure error (missing or corrupt file, unknown benchmark,
    /// dotnet test could not run, a gate run that could compare no benchmark).
    /// </summary>
    public const int Error = 2;
}
