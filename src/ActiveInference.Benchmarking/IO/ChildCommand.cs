namespace ActiveInference.Benchmarking.IO;

/// <summary>
/// How <see cref="ChildLauncher"/> starts one child process: <c>dotnet [exec --runtimeconfig &lt;file&gt;] &lt;assembly&gt;
/// &lt;kind&gt; &lt;request file&gt; --output &lt;result file&gt;</c>.
/// </summary>
/// <param name="Assembly">Path of the perf test assembly the child runs (its compiled-in entry point serves the request).</param>
/// <param name="Kind">The request's kind, passed as the first argument (e.g. <c>--perf-pair</c>).</param>
/// <param name="WorkingDirectory">The child's working directory.</param>
/// <param name="Description">What the child is called in error messages, e.g. <c>the paired child process</c>.</param>
internal sealed record ChildCommand(string Assembly, string Kind, string WorkingDirectory, string Description)
{
    /// <summary>The <c>runtimeconfig.json</c> to run with (<c>dotnet exec --runtimeconfig</c>); null: the assembly's own.</summary>
    public string? RuntimeConfig { get; init; }

    /// <summary>Environment variables set for the child on top of this process's.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
