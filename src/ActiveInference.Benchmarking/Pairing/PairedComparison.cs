using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// The paired gate for one benchmark: runs paired processes as long as <see cref="PairedGate"/> asks and turns its
/// decision into a <see cref="GateOutcome"/>.
/// </summary>
internal static class PairedComparison
{
    /// <param name="result">The benchmark as measured in this process.</param>
    /// <param name="code">The baseline's build.</param>
    /// <param name="assemblyPath">The current perf test assembly.</param>
    /// <param name="policy">The decision's numbers.</param>
    /// <param name="runProcess">Runs one paired process.</param>
    /// <param name="differences">What differs between the builds besides their code (packages), for the message and results.</param>
    /// <param name="packagesPerCopy">The packages each copy loads from its own side's build (those that differ).</param>
    public static GateOutcome Decide(BenchmarkResult result, BaselineCode code, string assemblyPath, PairedPolicy policy,
        Func<PairedRequest, (PairedChildResult? Result, string? Error)> runProcess, IReadOnlyList<string>? differences = null,
        IReadOnlyList<string>? packagesPerCopy = null)
    {
        var seed = Random.Shared.Next();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var decision = PairedGate.Decide(policy, index => Measure(runProcess, new PairedRequest(result.FullName, Path.GetFileName(assemblyPath),
            code.Directory!, Path.GetDirectoryName(assemblyPath)!, policy.CopiesPerSide, unchecked(seed + index * 7919))
        { PackagesPerCopy = packagesPerCopy ?? [] }, code));
        return Outcome(result.Name, decision, code, policy, differences: differences)
            with
        { ComparisonSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds };
    }

    internal static PairedProcessResult Measure(Func<PairedRequest, (PairedChildResult? Result, string? Error)> runProcess, PairedRequest request, BaselineCode code)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        return Read(runProcess(request), code) with { Seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds };
    }

    private static PairedProcessResult Read((PairedChildResult? Result, string? Error) run, BaselineCode code)
    {
        var (child, error) = run;
        if (child is null)
            return PairedProcessResult.Failed(Verdict.Inconclusive, $"a paired process failed: {error}");
        if (child.BaselineMissing)
            return PairedProcessResult.Failed(Verdict.New, $"{code.Description} has no such test (its build: {code.Directory})");
        if (child.Problem is not null || child.Samples is null)
            return PairedProcessResult.Failed(Verdict.Inconclusive, child.Problem ?? "the paired process returned no samples");
        return PairedProcessResult.Of(ProcessComparer.Compare(child.Samples));
    }

    /// <summary>The gate's outcome for <paramref name="decision"/>.</summary>
    /// <param name="name">The benchmark's short name.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="code">The baseline's build.</param>
    /// <param name="policy">The decision's numbers.</param>
    /// <param name="kind">Paired (both sides in every process) or Interleaved (a process per side, in pairs).</param>
    /// <param name="differences">What differs between the builds besides their code; named in the message.</param>
    internal static GateOutcome Outcome(string name, PairedGate.Decision decision, BaselineCode code, PairedPolicy policy,
        ComparisonMethod kind = ComparisonMethod.Paired, IReadOnlyList<string>? differences = null)
    {
        var processes = decision.Processes;
        var copies = processes.Count > 0 ? processes[0].CopiesPerSide : policy.CopiesPerSide;
        differences ??= [];
        var method = (kind == ComparisonMethod.Interleaved ? VerdictMessage.Interleaved(processes.Count, copies) : VerdictMessage.Paired(processes.Count, copies))
            + (differences.Count > 0 ? "; the builds differ in " + string.Join(", ", differences) : "");
        double? baselineRaw = processes.Count > 0 ? Quantile.Median(processes.Select(p => p.BaselineMedianNanoseconds)) : null;
        var currentRaw = processes.Count > 0 ? Quantile.Median(processes.Select(p => p.CurrentMedianNanoseconds)) : double.NaN;
        var against = new BaselineName(code.Description, code.Commit);
        GateOutcome Make(string message, double? ratio, ConfidenceInterval? interval, double? floor) => processes.Count switch
        {
            0 when decision.Verdict == Verdict.New => GateOutcome.New(message, policy.Threshold, currentRaw, against, differences),
            0 => GateOutcome.Inconclusive(message, policy.Threshold, currentRaw, against, buildDifferences: differences),
            _ => GateOutcome.Compared(decision.Verdict, message, policy.Threshold, kind, against, processes.Count, baselineRaw, currentRaw, ratio, interval, floor)
                with
            {
                CopiesPerSide = copies,
                ProcessRatios = [.. processes.Select(p => Math.Exp(p.Change))],
                SelfRatios = [.. processes.SelectMany(p => p.SelfChanges).Select(Math.Exp)],
                BuildDifferences = differences,
            },
        };

        if (double.IsNaN(decision.HalfWidth))
        {
            var reason = decision.Reason ?? "no comparison could be made";
            var text = processes.Count == 0 ? reason
                : decision.Verdict == Verdict.Regressed ? $"{reason} against {code.Description} ({method})"
                : $"{reason} (after {method} against {code.Description})";
            return Make(VerdictMessage.Plain(name, decision.Verdict, text), double.IsFinite(decision.Change) ? Math.Exp(decision.Change) : null, null, null);
        }

        var ratio = Math.Exp(decision.Change);
        var interval = new ConfidenceInterval(Math.Exp(decision.Change - decision.HalfWidth), Math.Exp(decision.Change + decision.HalfWidth), decision.Interval.Level);
        var floor = Math.Exp(decision.HalfWidth) - 1;
        var advice = (decision.Verdict == Verdict.Improved ? "; record new baselines (mode=record) in this change to keep the gain" : "")
            + (decision.AtLastCall ? FormattableString.Invariant($"; called at the last process allowed: its interval excludes 0 and the change is at least {PairedGate.LastCallShare(processes.Count):0.##} of the threshold") : "")
            + Unresolved(decision, policy.Threshold, floor);
        var message = VerdictMessage.Compared(name, decision.Verdict, ratio, interval, code.Description, method, policy.Threshold, floor,
            baselineRaw, currentRaw, advice);
        return Make(message, ratio, interval, floor);
    }

    /// <summary>For an Inconclusive decision on compared processes: why it could not be resolved and what to do; else empty.</summary>
    internal static string Unresolved(PairedGate.Decision decision, double threshold, double floor)
    {
        var processes = decision.Processes.Count;
        var stopped = decision.StoppedAsFutile ? $" (stopped after {processes} processes: more could not have decided)" : "";
        return decision.Unresolved switch
        {
            PairedGate.Unresolved.WideFloor => FormattableString.Invariant(
                $"; this machine cannot gate it at {Readable.Percent(threshold)}: its noise floor here, {Readable.Spread(floor)}, is wider, so neither a pass nor a regression of that size can be shown{stopped}; set [PerfBenchmark(Threshold = {SuggestedThreshold(floor):0.##})] for it, or measure on a quieter machine"),
            PairedGate.Unresolved.NearThreshold => FormattableString.Invariant(
                $"; the change is too close to the threshold to call after {processes} processes: its interval reaches both sides of ±{Readable.Percent(threshold)}"),
            _ => "",
        };
    }

    /// <summary>The next multiple of 5% above <paramref name="floor"/>: a threshold the run could have gated.</summary>
    private static double SuggestedThreshold(double floor) => Math.Ceiling(floor * 20 + 1e-9) / 20;

}
