using System.CommandLine;
using System.Globalization;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Reporting;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>run</c>: runs the perf suite with <c>dotnet test -c Release --settings perf.runsettings</c>, shows each test
/// as it finishes, then reads the run's <c>results.json</c>, prints the summary, copies the markdown report and
/// exits 0 (clean), 1 (regression) or 2 (dotnet test could not run or wrote no results, or the gate compared nothing).
/// </summary>
/// <remarks>
/// The run's settings go to the test host as <c>PERF_</c> environment variables, the top layer of the perf
/// options, so the flags here win over perf.runsettings and the environment alike (<c>--baseline-ref</c> becomes the
/// setting <c>baselineRef</c> as <c>PERF_BASELINE_REF</c>: set in the child's environment, never through a shell or
/// an argument). The child's <c>GITHUB_STEP_SUMMARY</c> is removed: this command appends the report once itself.
/// </remarks>
internal sealed class RunCommand(CliContext context)
{
    /// <summary>The perf settings file, at the repository root.</summary>
    public const string RunSettingsFile = "perf.runsettings";

    /// <summary>The <c>run</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var threshold = CliOptions.Threshold();
        var filter = new Option<string?>("--filter") { Description = "vstest filter narrowing the benchmarks, e.g. FullyQualifiedName~FreeEnergy (combined with TestCategory=Performance)" };
        var update = new Option<bool>("--update-baseline") { Description = "Record the results into baselines.json (mode record) instead of gating" };
        var output = new Option<string>("--output", "-o") { Description = "Where to copy the markdown report", DefaultValueFactory = _ => MarkdownReportExporter.DefaultFileName };
        var project = new Option<string?>("--project") { Description = "Test project or solution to run (default: the one project under perf-tests/, else the solution)" };
        var shard = new Option<Shard?>("--shard")
        {
            Description = "Run only shard I of N (1-based, e.g. 2/3): a stable share by hash of each benchmark's full name",
            CustomParser = r =>
            {
                if (Shard.TryParse(r.Tokens.Count == 1 ? r.Tokens[0].Value : "", out var s, out var problem))
                    return s;
                r.AddError("--shard: " + problem);
                return null;
            },
        };
        var results = new Option<string?>("--results-dir") { Description = "Results directory (default: PERF_RESULTS_DIRECTORY, else TestResults/perf at the repository root)" };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build before running" };
        var baselineRef = CliOptions.BaselineRef();
        var command = new Command("run", "Run the perf suite (dotnet test with perf.runsettings), print the summary, write the report; exit 1 on regression")
        {
            threshold, filter, update, output, project, shard, results, noBuild, baselineRef,
        };
        command.SetAction(p => MonitorCommandLine.Guard(context, () => new RunCommand(context).Execute(new RunRequest(
            p.GetValue(threshold), p.GetValue(filter), p.GetValue(update), p.GetValue(output)!, p.GetValue(project), p.GetValue(shard), p.GetValue(results), p.GetValue(noBuild),
            p.GetValue(baselineRef)))));
        return command;
    }

    /// <summary>Runs the suite as <paramref name="request"/> says; returns the exit code.</summary>
    public int Execute(RunRequest request)
    {
        var root = RepositoryRoot.Find(context.WorkingDirectory) ?? context.WorkingDirectory;
        var settings = Path.Combine(root, RunSettingsFile);
        if (!File.Exists(settings))
            throw new MonitorException($"{settings}: not found; run from inside the repository (the directory with {RunSettingsFile})");
        var resultsDirectory = ResultsDirectory(request, root);
        if (request.BaselineRef is { } reference && Directory.Exists(context.FullPath(reference)))
            request = request with { BaselineRef = context.FullPath(reference) };
        var spec = BuildSpec(request, root, resultsDirectory, DefaultProject(root));
        var resultsFile = Path.Combine(resultsDirectory, ResultsJsonExporter.DefaultFileName);
        var before = File.Exists(resultsFile) ? File.GetLastWriteTimeUtc(resultsFile) : (DateTime?)null;

        context.Out.WriteLine($"{MonitorCommandLine.Name}: {spec.CommandLine}");
        var progress = new ProgressFilter(context.Out);
        var exitCode = context.Runner.Run(spec, progress.OnLine);

        if (!File.Exists(resultsFile) || File.GetLastWriteTimeUtc(resultsFile) == before)
        {
            foreach (var line in progress.Tail)
                context.Error.WriteLine(line);
            throw new MonitorException(string.Create(CultureInfo.InvariantCulture,
                $"dotnet test exited with code {exitCode} and wrote no new {resultsFile} (build failure, no test matched the filter, or the perf settings are invalid; see the output above)"));
        }

        var report = ResultsInput.Read(context, resultsFile);
        context.Out.WriteLine();
        SummaryTable.Write(context.Out, report.OrderedResults());
        var markdown = Path.Combine(resultsDirectory, MarkdownReportExporter.DefaultFileName);
        var output = context.FullPath(request.Output);
        var text = File.Exists(markdown) ? File.ReadAllText(markdown) : ResultsInput.Markdown(report);
        if (!string.Equals(Path.GetFullPath(markdown), output, StringComparison.Ordinal))
            AtomicFile.WriteText(output, w => w.Write(text));
        context.Out.WriteLine($"Report: {output} (all files in {resultsDirectory})");
        StepSummary.Append(context, text);
        return Interpret(exitCode, report, context.Error);
    }

    /// <summary>
    /// The exit code for a run that wrote <paramref name="report"/> and whose dotnet test ended with
    /// <paramref name="dotnetExitCode"/>: 1 when a benchmark regressed (or an inconclusive one failed the run on
    /// purpose), 2 when a gate run compared no benchmark (it gated nothing; why is printed) or dotnet test failed for
    /// another reason, else 0.
    /// </summary>
    internal static int Interpret(int dotnetExitCode, RunReport report, TextWriter error)
    {
        var regressions = report.Regressions();
        if (regressions.Count > 0)
        {
            error.WriteLine($"{MonitorCommandLine.Name}: {regressions.Count} regression(s): {string.Join(", ", regressions.Select(r => r.Measured.Name))}");
            return ExitCodes.Regression;
        }
        if (Uncompared(report, error))
            return ExitCodes.Error;
        if (dotnetExitCode == 0)
            return ExitCodes.Clean;
        var inconclusiveFails = report.Config.TryGetValue("inconclusive_as_failure", out var flag) && flag == "true";
        if (inconclusiveFails && report.Results.Any(r => r.Gate?.Verdict == Verdict.Inconclusive))
        {
            error.WriteLine($"{MonitorCommandLine.Name}: inconclusive benchmarks failed the run (inconclusiveAsFailure is on)");
            return ExitCodes.Regression;
        }
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{MonitorCommandLine.Name}: error: dotnet test failed (exit code {dotnetExitCode}) but no benchmark regressed: a benchmark threw or could not run; see the output above"));
        return ExitCodes.Error;
    }

    /// <summary>
    /// True, after printing why, when <paramref name="report"/> is a gate run that compared no benchmark; a run without
    /// benchmarks (a shard whose benchmarks are all in other shards) is not one.
    /// </summary>
    internal static bool Uncompared(RunReport report, TextWriter error)
    {
        if (UncomparedRun.Of(report) is not { } uncompared)
            return false;
        foreach (var line in uncompared.Lines(MonitorCommandLine.Name, $"{MonitorCommandLine.Name} run --update-baseline"))
            error.WriteLine(line);
        return true;
    }

    /// <summary>The dotnet test process for <paramref name="request"/>.</summary>
    internal static ProcessSpec BuildSpec(RunRequest request, string root, string resultsDirectory, string? defaultProject)
    {
        var arguments = new List<string> { "test" };
        if ((request.Project ?? defaultProject) is { } project)
            arguments.Add(Path.GetFullPath(Path.Combine(root, project)));
        arguments.AddRange(["-c", "Release", "--settings", Path.Combine(root, RunSettingsFile), "--logger", "console;verbosity=normal"]);
        if (request.NoBuild)
            arguments.Add("--no-build");
        if (!string.IsNullOrWhiteSpace(request.Filter))
            arguments.AddRange(["--filter", $"TestCategory=Performance&({request.Filter})"]);

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PERF_RESULTS_DIRECTORY"] = resultsDirectory,
            [StepSummary.Variable] = null,
        };
        if (request.Threshold is { } threshold)
            environment["PERF_THRESHOLD"] = threshold.ToString("R", CultureInfo.InvariantCulture);
        if (request.UpdateBaseline)
            environment["PERF_MODE"] = "record";
        if (request.Shard is { } shard)
            environment["PERF_SHARD"] = shard.ToString();
        if (request.BaselineRef is { } baselineRef)
            environment["PERF_BASELINE_REF"] = CliOptions.TryParseBaselineRef(baselineRef, out var problem) ? baselineRef : throw new MonitorException(problem);
        return new ProcessSpec("dotnet", arguments, root, environment);
    }

    private string ResultsDirectory(RunRequest request, string root)
    {
        var given = request.ResultsDirectory is { } d ? context.FullPath(d) : null;
        var configured = context.Variable("PERF_RESULTS_DIRECTORY") is { } v ? Path.GetFullPath(Path.Combine(root, v)) : null;
        return given ?? configured ?? Path.Combine(root, "TestResults", "perf");
    }

    /// <summary>The single project under <c>perf-tests/</c>, or null (dotnet test then picks the solution in the root).</summary>
    internal static string? DefaultProject(string root)
    {
        var directory = Path.Combine(root, "perf-tests");
        if (!Directory.Exists(directory))
            return null;
        var projects = Directory.GetFiles(directory, "*.csproj", SearchOption.AllDirectories);
        return projects.Length == 1 ? projects[0] : null;
    }
}
