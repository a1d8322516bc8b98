using System.CommandLine;
using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// <c>baseline update|show|prune|upgrade</c>: record a results file's trustworthy results into baselines.json on
/// purpose, show what is recorded, drop old recordings or whole profiles, and rewrite an older file in the current
/// layout (summaries in baselines.json, samples in baselines.samples.json). Every write goes through
/// <see cref="BaselineStore"/> (locked, atomic); <c>--dry-run</c> shows the change and writes nothing.
/// </summary>
internal sealed class BaselineCommand(CliContext context)
{
    /// <summary>The <c>baseline</c> command and its four subcommands.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("baseline", "Record, show and prune baselines.json");
        command.Add(CreateUpdate(context));
        command.Add(CreateShow(context));
        command.Add(CreatePrune(context));
        command.Add(CreateUpgrade(context));
        return command;
    }

    private static Option<string?> BaselinesOption() =>
        new("--baselines") { Description = "The baselines file (default: PERF_BASELINE_PATH, else baselines.json at the repository root)" };

    private static Option<int?> KeepOption(string description) => new("--keep")
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var keep) && keep is >= 1 and <= 1000)
                return keep;
            r.AddError($"--keep '{text}' must be a whole number from 1 to 1000");
            return null;
        },
    };

    private static Command CreateUpdate(CliContext context)
    {
        var results = new Argument<string>("results") { Description = "results.json whose trustworthy results to record" };
        var baselines = BaselinesOption();
        var keep = KeepOption($"Recordings kept per benchmark (default {PerfOptions.DefaultKeepRecordings})");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; write nothing" };
        var command = new Command("update", "Record the trustworthy results of a results file into baselines.json") { results, baselines, keep, dryRun };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new BaselineCommand(context).Update(p.GetValue(results)!, p.GetValue(baselines), p.GetValue(keep) ?? PerfOptions.DefaultKeepRecordings, p.GetValue(dryRun))));
        return command;
    }

    private static Command CreateShow(CliContext context)
    {
        var benchmark = new Argument<string?>("benchmark") { Description = "Full name (or its unique ending); omit to list all", Arity = ArgumentArity.ZeroOrOne };
        var baselines = BaselinesOption();
        var profile = new Option<string?>("--profile") { Description = "Only this machine profile id" };
        var command = new Command("show", "Show the recorded baselines, or one benchmark's recordings") { benchmark, baselines, profile };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new BaselineCommand(context).Show(p.GetValue(benchmark), p.GetValue(baselines), p.GetValue(profile))));
        return command;
    }

    private static Command CreatePrune(CliContext context)
    {
        var baselines = BaselinesOption();
        var keep = KeepOption("Keep only the newest N recordings of each benchmark");
        var profile = new Option<string?>("--profile") { Description = "Only trim this machine profile id (default: every profile)" };
        var drop = new Option<string[]>("--drop-profile") { Description = "Remove this machine profile entirely (repeatable)", AllowMultipleArgumentsPerToken = false };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; write nothing" };
        var command = new Command("prune", "Drop old recordings (--keep N) or whole profiles (--drop-profile ID)") { baselines, keep, profile, drop, dryRun };
        command.SetAction(p => MonitorCommandLine.Guard(context, () =>
            new BaselineCommand(context).Prune(p.GetValue(baselines), new BaselinePruning(p.GetValue(keep), p.GetValue(profile), p.GetValue(drop) ?? []), p.GetValue(dryRun))));
        return command;
    }

    private static Command CreateUpgrade(CliContext context)
    {
        var baselines = BaselinesOption();
        var command = new Command("upgrade", "Rewrite the baselines file in the current layout (summaries in it, raw samples in baselines.samples.json); the recordings stay as they are") { baselines };
        command.SetAction(p => MonitorCommandLine.Guard(context, () => new BaselineCommand(context).Upgrade(p.GetValue(baselines))));
        return command;
    }

    /// <summary>Rewrites the baselines file (and its samples file) in the current layout, keeping every recording.</summary>
    public int Upgrade(string? baselinesPath)
    {
        var path = BaselinesPath(baselinesPath);
        var rewritten = new BaselineStore().Rewrite(path, document => document);
        if (!rewritten.Succeeded)
            throw new MonitorException(rewritten.Error!);
        var recordings = rewritten.After!.Profiles.Values.Sum(p => p.Benchmarks.Values.Sum(r => r.Count));
        var withoutSamples = rewritten.After.Profiles.Values.Sum(p => p.Benchmarks.Values.Sum(r => r.Count(x => x.Samples.Count == 0)));
        context.Out.WriteLine($"Wrote {path} and {BaselineStore.SamplesPathFor(path)}: {recordings} recording(s)"
            + (withoutSamples > 0 ? $", {withoutSamples} of them without samples (none were found for them)" : ""));
        return ExitCodes.Clean;
    }

    /// <summary>Records (or with <paramref name="dryRun"/> previews) the trustworthy results of <paramref name="resultsPath"/>.</summary>
    public int Update(string resultsPath, string? baselinesPath, int keep, bool dryRun)
    {
        var run = ResultsInput.Read(context, resultsPath);
        var path = BaselinesPath(baselinesPath);
        var store = new BaselineStore();
        var existing = store.Load(path);
        var before = existing.DocumentOrEmpty ?? throw new MonitorException(existing.Error!);
        var (profile, how) = Profile(run, before);
        context.Out.WriteLine($"Machine profile {profile.Id}: {how}");

        var target = path;
        string? scratch = null;
        if (dryRun)
        {
            scratch = Directory.CreateTempSubdirectory("perfmonitor-").FullName;
            target = Path.Combine(scratch, "baselines.json");
            if (existing.Status == BaselineLoadStatus.Loaded)
            {
                File.Copy(path, target);
                if (File.Exists(BaselineStore.SamplesPathFor(path)))
                    File.Copy(BaselineStore.SamplesPathFor(path), BaselineStore.SamplesPathFor(target));
            }
        }
        try
        {
            var recorded = store.Record(target, profile, run.Results.Select(r => r.Measured).ToArray(), run.Commit, keep);
            foreach (var skipped in recorded.Skipped)
                context.Out.WriteLine($"skip {SummaryTable.ReportTextLine(skipped.FullName)}: {skipped.Reason}");
            if (!recorded.Succeeded)
                throw new MonitorException(recorded.Error!.Replace(target, path, StringComparison.Ordinal));
            if (recorded.Recorded.Count == 0)
                throw new MonitorException($"{context.FullPath(resultsPath)}: nothing to record (every result was skipped); {path} is unchanged");
            var after = store.Load(target).Document ?? BaselineDocument.Empty;
            foreach (var line in BaselineDiff.Describe(before, after))
                context.Out.WriteLine(line);
            context.Out.WriteLine(dryRun
                ? $"Dry run: {recorded.Recorded.Count} benchmark(s) would be recorded in {path}; nothing written"
                : $"Recorded {recorded.Recorded.Count} benchmark(s) in {path}; commit it (one recording is one process; the gate keeps {keep}: record several times, some minutes apart)");
            return ExitCodes.Clean;
        }
        finally
        {
            if (scratch is not null)
                Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Lists the recorded baselines, or one benchmark's recordings.</summary>
    public int Show(string? benchmark, string? baselinesPath, string? profileId)
    {
        var path = BaselinesPath(baselinesPath);
        var document = Load(path);
        var profiles = document.Profiles.Values.Where(p => profileId is null || p.Profile.Id == profileId).ToArray();
        if (profileId is not null && profiles.Length == 0)
            throw new MonitorException($"{path}: no profile '{profileId}' (profiles: {string.Join(", ", document.Profiles.Keys)})");
        string? fullName = null;
        if (benchmark is not null)
            fullName = BenchmarkName.Resolve(benchmark, profiles.SelectMany(p => p.Benchmarks.Keys).Distinct().ToArray(), path);
        foreach (var profile in profiles)
        {
            var names = profile.Benchmarks.Keys.Where(n => fullName is null || n == fullName).ToArray();
            if (names.Length == 0)
                continue;
            context.Out.WriteLine($"Profile {profile.Profile.Id}: {profile.Profile.Description}");
            foreach (var name in names)
            {
                var baseline = profile.Find(name)!;
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {SummaryTable.ReportTextLine(name)}: centre {Readable.Time(baseline.CenterNanosecondsPerOperation)}, {baseline.Recordings.Count} recording(s), latest {baseline.Latest.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
                if (fullName is null)
                    continue;
                foreach (var r in baseline.Recordings)
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {r.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} commit {r.Commit ?? "-"}: median {Readable.Time(r.Time.Median)}, n={r.Time.N}, {r.AllocatedBytesPerOperation:0.##} B/op"));
            }
        }
        return ExitCodes.Clean;
    }

    /// <summary>Prunes (or with <paramref name="dryRun"/> previews pruning) the baselines file.</summary>
    public int Prune(string? baselinesPath, BaselinePruning pruning, bool dryRun)
    {
        if (pruning.Keep is null && pruning.DropProfiles.Count == 0)
            throw new MonitorException("baseline prune: say what to drop: --keep N and/or --drop-profile ID");
        var path = BaselinesPath(baselinesPath);
        var document = Load(path);
        pruning.Check(document, path);
        BaselineDocument before = document, after;
        if (dryRun)
        {
            after = pruning.Apply(document);
        }
        else
        {
            var rewritten = new BaselineStore().Rewrite(path, pruning.Apply);
            if (!rewritten.Succeeded)
                throw new MonitorException(rewritten.Error!);
            (before, after) = (rewritten.Before!, rewritten.After!);
        }
        var lines = BaselineDiff.Describe(before, after);
        foreach (var line in lines)
            context.Out.WriteLine(line);
        context.Out.WriteLine(lines.Count == 0 ? "Nothing to prune." : dryRun ? $"Dry run: nothing written to {path}" : $"Pruned {path}");
        return ExitCodes.Clean;
    }

    /// <summary>
    /// The profile to record under: the one already stored under the results file's profile id; else rebuilt from
    /// the file's profile description; else detected on this machine (keeping the file's id). Says which.
    /// </summary>
    internal static (MachineProfile Profile, string How) Profile(RunReport run, BaselineDocument document)
    {
        if (document.Profiles.TryGetValue(run.MachineProfileId, out var stored))
            return (stored.Profile, "as already stored in the baselines file under the results file's profile id");
        if (ProfileRebuilder.FromDescription(run.MachineProfileId, run.MachineProfileDescription) is { } rebuilt)
            return (rebuilt, "rebuilt from the results file's machine profile description");
        return (MachineProfile.Detect("unknown (recorded by perfmonitor)", run.MachineProfileId),
            "detected on this machine (the results file's description could not be parsed); the id is the results file's");
    }

    private BaselineDocument Load(string path)
    {
        var loaded = new BaselineStore().Load(path);
        return loaded.Status switch
        {
            BaselineLoadStatus.Loaded => loaded.Document!,
            BaselineLoadStatus.Missing => throw new MonitorException($"{path}: file not found"),
            _ => throw new MonitorException(loaded.Error!),
        };
    }

    private string BaselinesPath(string? given)
    {
        if (given is not null)
            return context.FullPath(given);
        var root = RepositoryRoot.Find(context.WorkingDirectory) ?? context.WorkingDirectory;
        return Path.GetFullPath(Path.Combine(root, context.Variable("PERF_BASELINE_PATH") ?? "baselines.json"));
    }
}
