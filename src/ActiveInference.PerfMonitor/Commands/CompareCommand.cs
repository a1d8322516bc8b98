using System.CommandLine;
using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>compare A B</c>: judges the run in results file A against B (another results file, or a baselines.json) with
/// the same <see cref="RecordedGate"/> the tests use, offline (see <see cref="OfflineGate"/>); prints a verdict
/// line per benchmark and the table; exits 1 when anything regressed.
/// </summary>
internal sealed class CompareCommand(CliContext context)
{
    /// <summary>The <c>compare</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var current = new Argument<string>("current") { Description = "results.json of the run to judge" };
        var baseline = new Argument<string>("baseline") { Description = "results.json of an earlier run, or a baselines.json (told apart by content)" };
        var threshold = CliOptions.Threshold();
        var profile = new Option<string?>("--profile") { Description = "Machine profile id to take from a baselines.json (default: the current run's)" };
        var command = new Command("compare", "Compare a results file with another results file or with baselines.json; exit 1 on regression")
        {
            current, baseline, threshold, profile,
        };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new CompareCommand(context).Execute(p.GetValue(current)!, p.GetValue(baseline)!, p.GetValue(threshold), p.GetValue(profile))));
        return command;
    }

    /// <summary>Compares; returns the exit code.</summary>
    public int Execute(string currentPath, string baselinePath, double? threshold, string? profileId)
    {
        var run = ResultsInput.Read(context, currentPath);
        var source = BaselineSource.Read(context.FullPath(baselinePath));
        var policy = new RecordedGatePolicy { Threshold = threshold ?? ConfiguredThreshold(run) };
        var document = source.Document;
        var here = Here(run, source, profileId);

        var output = context.Out;
        output.WriteLine($"Current:  {context.FullPath(currentPath)} ({run.Results.Count} benchmarks, profile {run.MachineProfileId}, commit {run.Commit ?? "unknown"})");
        output.WriteLine($"Baseline: {source.Description}, profile {here.Id}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Threshold {policy.Threshold * 100:0.##}%; compared with recorded numbers, state-matched; no fresh process can confirm a suspect here, so its own samples stand in for the fresh processes"));
        if (source.FromResults && !string.Equals(run.MachineProfileId, here.Id, StringComparison.Ordinal))
            output.WriteLine($"Note: the runs are from different machine profiles ({run.MachineProfileId} vs {here.Id}); compared anyway as asked");
        output.WriteLine();

        var judged = run.OrderedResults()
            .Select(r => r.Measured)
            .Select(r => new GatedResult(r, OfflineGate.Decide(r, document.Find(here.Id, r.FullName), document.FindOnOtherProfiles(here.Id, r.FullName), here, policy)))
            .ToArray();
        foreach (var r in judged)
            output.WriteLine($"{r.Gate!.Verdict,-12} {SummaryTable.ReportTextLine(r.Gate.Message)}");
        var missing = document.Profiles.TryGetValue(here.Id, out var baselines)
            ? baselines.Benchmarks.Keys.Where(name => judged.All(r => r.Measured.FullName != name)).ToArray()
            : [];
        foreach (var name in missing)
            output.WriteLine($"{"Missing",-12} {SummaryTable.ReportTextLine(name)}: in the baseline but not in the current run");
        output.WriteLine();
        SummaryTable.Write(output, judged);

        var compared = run with { Results = judged };
        StepSummary.Append(context, ResultsInput.Markdown(compared));
        var regressions = compared.Regressions();
        if (regressions.Count == 0)
            return ExitCodes.Clean;
        context.Error.WriteLine($"{MonitorCommandLine.Name}: {regressions.Count} regression(s): {string.Join(", ", regressions.Select(r => r.Measured.Name))}");
        return ExitCodes.Regression;
    }

    /// <summary>The threshold the run was gated with (its config), else the default.</summary>
    internal static double ConfiguredThreshold(RunReport run) =>
        run.Config.TryGetValue("threshold", out var text) && CliOptions.TryParseThreshold(text, out var value, out _) ? value : PerfOptions.DefaultThreshold;

    private static MachineProfile Here(RunReport run, BaselineSource source, string? profileId)
    {
        if (source.FromResults)
            return source.Document.Profiles.Values.Single().Profile;
        var id = profileId ?? run.MachineProfileId;
        if (source.Document.Profiles.TryGetValue(id, out var stored))
            return stored.Profile;
        if (profileId is not null)
            throw new MonitorException($"--profile {profileId}: no such profile in the baselines (profiles: {string.Join(", ", source.Document.Profiles.Keys)})");
        return ProfileRebuilder.FromDescription(run.MachineProfileId, run.MachineProfileDescription)
            ?? ProfileRebuilder.Placeholder(run.MachineProfileId, run.MachineProfileDescription);
    }
}
