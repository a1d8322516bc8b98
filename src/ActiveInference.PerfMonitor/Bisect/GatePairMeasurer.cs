using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>
/// Measures two commits with the gate itself: both are built by the gate's cached builder (<c>obj/perf-baseline/&lt;sha&gt;</c>),
/// then <c>dotnet test</c> runs the later build's perf assembly in gate mode with the earlier build as its baseline folder,
/// so the paired rule (more processes only while the answer is unknown) decides as it does on a pull request.
/// </summary>
/// <param name="repositoryRoot">The repository's root.</param>
/// <param name="projectPath">The perf test project, relative to the root.</param>
/// <param name="settingsPath">The runsettings of the perf run (perf.runsettings).</param>
/// <param name="filter">A <c>dotnet test --filter</c> expression, or null for every benchmark.</param>
/// <param name="threshold">The gate's threshold (0.10 = 10%).</param>
/// <param name="runner">Starts <c>dotnet test</c>.</param>
/// <param name="progress">Where build and run progress goes.</param>
internal sealed class GatePairMeasurer(string repositoryRoot, string projectPath, string settingsPath, string? filter, double threshold, IProcessRunner runner, TextWriter progress) : IPairMeasurer
{
    private readonly Dictionary<string, string> _builds = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public PairMeasurement Measure(string current, string baseline)
    {
        var currentBuild = Build(current);
        var baselineBuild = Build(baseline);
        var results = Path.Combine(repositoryRoot, "TestResults", "perf-bisect", $"{Git.Short(current)}-beside-{Git.Short(baseline)}");
        var arguments = new List<string> { "test", Path.Combine(currentBuild, EntryAssembly), "--settings", settingsPath };
        if (filter is not null)
            arguments.AddRange(["--filter", filter]);
        var environment = new Dictionary<string, string?>
        {
            ["PERF_MODE"] = "gate",
            ["PERF_BASELINE_REF"] = baselineBuild,
            ["PERF_RESULTS_DIRECTORY"] = results,
            ["PERF_THRESHOLD"] = threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["PERF_COMMIT"] = current,
            ["PERF_HISTORY_FOLDER"] = null,
            ["PERF_SHARD"] = null,
        };
        var tail = new Queue<string>();
        var resultsFile = Path.Combine(results, "results.json");
        if (File.Exists(resultsFile))
            File.Delete(resultsFile);
        var exitCode = runner.Run(new ProcessSpec("dotnet", arguments, repositoryRoot, environment), line =>
        {
            tail.Enqueue(line);
            if (tail.Count > 20)
                tail.Dequeue();
        });
        if (!File.Exists(resultsFile))
            throw new MonitorException($"the paired run of {Git.Short(current)} beside {Git.Short(baseline)} wrote no {resultsFile} (exit code {exitCode}); its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}");
        var report = ResultsJsonReader.Read(resultsFile);
        var benchmarks = new Dictionary<string, MeasuredRatio>(StringComparer.Ordinal);
        foreach (var (measured, gate) in report.Results)
        {
            if (gate is null)
                continue;
            var ratio = gate.Ratio is { } r && double.IsFinite(r) && r > 0 ? r : gate.Verdict == Verdict.Unchanged ? 1 : (double?)null;
            if (ratio is { } value)
                benchmarks[measured.FullName] = new MeasuredRatio(value, gate.RatioInterval?.Lower, gate.RatioInterval?.Upper, gate.Verdict.ToString(), gate.Processes, gate.CopiesPerSide);
        }

        return new PairMeasurement(current, baseline, benchmarks);
    }

    private string EntryAssembly => Path.GetFileNameWithoutExtension(projectPath) + ".dll";

    private string Build(string commit)
    {
        if (_builds.TryGetValue(commit, out var known))
            return known;
        var project = Path.Combine(repositoryRoot, projectPath);
        var code = new BaselineBuilder(BaselineCodeResolver.CacheFolder(project), progress.WriteLine).Build(repositoryRoot, commit, projectPath, EntryAssembly);
        if (!code.IsAvailable)
            throw code.IsBuildFailure ? new UnbuildableCommitException(commit, code.Reason ?? "no build") : new MonitorException($"cannot build commit {Git.Short(commit)}: {code.Reason}");
        return _builds[commit] = code.Directory!;
    }
}
