using System.Diagnostics;
using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Pairing;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>Applies the run's mode (<c>measure</c>, <c>record</c> or <c>gate</c>) to one measured benchmark and returns the verdict.</summary>
internal sealed class RunModeEvaluator(PerfOptions options, MachineProfile profile, RunBaselines baselines, BaselineCodeCache baselineCode,
    ChildProcesses children, RepositoryInfo repository)
{
    private readonly Lazy<string> _dirtyNote = new(() => repository.DirtyTreeNote(options.BaselinePath));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ComparisonRoute>> _routes = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(ReachableCode? Code, string? Problem)>> _reachable = new(StringComparer.Ordinal);

    /// <summary>The verdict for <paramref name="result"/> of the perf assembly at <paramref name="assemblyPath"/>.</summary>
    /// <param name="result">The measured benchmark.</param>
    /// <param name="thresholdOverride">The benchmark's own threshold, or NaN for the run's.</param>
    /// <param name="assemblyPath">The perf assembly (the paired processes load it and its baseline build).</param>
    /// <param name="member">Where the benchmark's code starts, to tell whether it changed; null: always measured.</param>
    public GateOutcome Evaluate(BenchmarkResult result, double thresholdOverride, string assemblyPath, BenchmarkMember? member = null)
    {
        var threshold = double.IsNaN(thresholdOverride) ? options.Threshold : thresholdOverride;
        var median = result.Time.Median;
        switch (options.Mode)
        {
            case PerfMode.Measure:
                return GateOutcome.NotCompared($"{result.Name}: measured only (mode measure)", threshold, median);
            case PerfMode.Record:
                return Record(result, threshold);
        }
        if (!result.IsTrustworthy)
            return GateOutcome.Inconclusive(VerdictMessage.Plain(result.Name, Verdict.Inconclusive, $"not trustworthy, not gated: {string.Join("; ", result.TrustIssues)}"),
                threshold, median);
        var code = baselineCode.For(assemblyPath);
        if (code.IsAvailable)
        {
            var route = RouteFor(code, assemblyPath);
            if (options.SkipUnchanged && route.SameDependencies && member is not null && Unchanged(code, assemblyPath, member) is { } reason)
                return GateOutcome.Unchanged(VerdictMessage.Plain(result.Name, Verdict.Unchanged,
                        $"{reason}, against {code.Description}, so it was not measured beside it (skipUnchanged=false measures it)"),
                    threshold, median, new BaselineName(code.Description, code.Commit), route.Differences);
            var policy = new PairedPolicy { Threshold = threshold };
            return route.Method == ComparisonMethod.Interleaved
                ? InterleavedComparison.Decide(result, code, assemblyPath, InterleavedComparison.Policy(policy), route.Differences, route.OwnHosts,
                    children.Paired, route.PackagesPerCopy)
                : PairedComparison.Decide(result, code, assemblyPath, policy, children.Paired, route.Differences, route.PackagesPerCopy);
        }
        if (code.IsConfigurationError || code.IsBuildFailure)
            return GateOutcome.Inconclusive(VerdictMessage.Plain(result.Name, Verdict.Inconclusive, code.Reason!), threshold, median,
                new BaselineName(code.Description, code.Commit));

        var loaded = baselines.Loaded;
        if (loaded.Status == BaselineLoadStatus.Missing)
            return GateOutcome.Inconclusive(VerdictMessage.Plain(result.Name, Verdict.Inconclusive,
                $"nothing to compare with: there is no baseline code ({code.Reason}) and no baselines file at {options.BaselinePath}"), threshold, median);
        var document = loaded.DocumentOrEmpty ?? BaselineDocument.Empty;
        var started = Stopwatch.GetTimestamp();
        var outcome = RecordedGate.Decide(result, document.Find(profile.Id, result.FullName), document.FindOnOtherProfiles(profile.Id, result.FullName),
            profile, new RecordedGatePolicy { Threshold = threshold }, () => children.Remeasure(assemblyPath, result.FullName), code.Reason);
        return outcome with { ComparisonSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
    }

    /// <summary>How this run compares the builds of the perf assembly at <paramref name="assemblyPath"/>, decided once.</summary>
    private ComparisonRoute RouteFor(BaselineCode code, string assemblyPath) =>
        _routes.GetOrAdd(assemblyPath, path => new Lazy<ComparisonRoute>(() =>
        {
            var (baseline, current, entry) = (code.Directory!, Path.GetDirectoryName(path)!, Path.GetFileName(path));
            return ComparisonRoute.For(BuildDifference.Compare(baseline, current, entry), baseline, current, entry);
        })).Value;

    /// <summary>Why nothing the benchmark can execute differs between the builds, or null when something does or it cannot be told.</summary>
    private string? Unchanged(BaselineCode code, string assemblyPath, BenchmarkMember member)
    {
        var (reachable, _) = _reachable.GetOrAdd(assemblyPath, path => new Lazy<(ReachableCode?, string?)>(() =>
        {
            try
            {
                return (ReachableCode.Open(code.Directory!, Path.GetDirectoryName(path)!, Path.GetFileName(path)), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (null, e.Message);
            }
        })).Value;
        if (reachable is null) return null;
        try
        {
            var change = reachable.Compare(member.FixtureType, member.Method, member.Setup, member.SampleSetup);
            return change.Unchanged ? change.Reason : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private GateOutcome Record(BenchmarkResult result, double threshold)
    {
        var median = result.Time.Median;
        if (!result.IsTrustworthy)
            return GateOutcome.Inconclusive($"{result.Name}: not recorded, not trustworthy: {string.Join("; ", result.TrustIssues)}", threshold, median);
        var recorded = baselines.Record(profile, result, repository.Commit, options.KeepRecordings);
        if (!recorded.Succeeded)
            return GateOutcome.Inconclusive($"{result.Name}: not recorded: {recorded.Error}", threshold, median);
        var count = baselines.RecordingsKept(profile.Id, result.FullName);
        return GateOutcome.NotCompared(
            string.Create(CultureInfo.InvariantCulture,
                $"{result.Name}: recorded in {options.BaselinePath} for profile {profile.Id} ({count} recording(s) kept){_dirtyNote.Value}; the gate measures the code of the recordings' commit beside the current code, and falls back to these numbers only when that commit cannot be had (no git, a shallow clone)"),
            threshold, median);
    }
}
