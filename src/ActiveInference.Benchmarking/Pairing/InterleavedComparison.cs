using System.Diagnostics;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// The gate for a change that cannot share a process (runtime settings, a target framework, packages with native code):
/// pairs of processes on the same machine at the same time, one measuring only the baseline's build and one only the
/// current build, in random order within each pair. Each pair's change is the difference of the two processes' levels;
/// the pairs feed <see cref="PairedGate"/>'s rule like paired processes, so the spread between pairs (the machine's state
/// from one process to the next) is this comparison's noise floor.
/// </summary>
internal static class InterleavedComparison
{
    /// <summary>
    /// Processes here differ in more than placement (the machine's state between them), so a decision waits for a third
    /// pair and gets a larger budget; the A/A changes compare all copies of one label with all of the other, so they
    /// count in full.
    /// </summary>
    public static PairedPolicy Policy(PairedPolicy paired) =>
        paired with { MinProcesses = Math.Max(paired.MinProcesses, 3), TimeBudgetSeconds = paired.TimeBudgetSeconds * 2, SelfChangeScale = 1 };

    /// <param name="result">The benchmark as measured in this process.</param>
    /// <param name="code">The baseline's build.</param>
    /// <param name="assemblyPath">The current perf test assembly.</param>
    /// <param name="policy">The decision's numbers (see <see cref="Policy"/>).</param>
    /// <param name="differences">What differs between the builds besides their code, named in the message.</param>
    /// <param name="ownHosts">True when each side's process must start from that side's own build (its target framework
    /// differs); false: both start from the current build's framework with the side's runtime settings.</param>
    /// <param name="runProcess">Runs one process.</param>
    /// <param name="packagesPerCopy">The packages each copy loads from its own build (those that differ between the sides).</param>
    public static GateOutcome Decide(BenchmarkResult result, BaselineCode code, string assemblyPath, PairedPolicy policy,
        IReadOnlyList<string> differences, bool ownHosts, Func<PairedRequest, (PairedChildResult? Result, string? Error)> runProcess,
        IReadOnlyList<string>? packagesPerCopy = null)
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var started = Stopwatch.GetTimestamp();
        var entry = Path.GetFileName(assemblyPath);
        var current = Path.GetDirectoryName(assemblyPath)!;
        PairedRequest Request(Side side, int index)
        {
            var folder = side == Side.Baseline ? code.Directory! : current;
            return new PairedRequest(result.FullName, entry, folder, folder, policy.CopiesPerSide, unchecked(seed + index * 7919 + (int)side))
            {
                HostDirectory = ownHosts ? folder : current,
                PackagesPerCopy = packagesPerCopy ?? [],
                RuntimeConfig = ownHosts || side == Side.Current ? null : Path.Combine(folder, Path.ChangeExtension(entry, ".runtimeconfig.json")),
            };
        }
        var decision = PairedGate.Decide(policy, index =>
        {
            var t0 = Stopwatch.GetTimestamp();
            Side[] order = random.Next(2) == 0 ? [Side.Baseline, Side.Current] : [Side.Current, Side.Baseline];
            var levels = new Dictionary<Side, SideLevel>();
            foreach (var side in order)
            {
                var (level, failure) = Read(side, runProcess(Request(side, index)), code);
                if (failure is not null) return failure with { Seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds };
                levels[side] = level!;
            }
            return PairedProcessResult.Of(Combine(levels[Side.Baseline], levels[Side.Current])) with { Seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds };
        });
        return PairedComparison.Outcome(result.Name, decision, code, policy, ComparisonMethod.Interleaved, differences)
            with
        { ComparisonSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
    }

    /// <summary>One pair's comparison: the current level over the baseline's, with both processes' A/A changes.</summary>
    internal static ProcessComparison Combine(SideLevel baseline, SideLevel current) =>
        new(current.Level - baseline.Level, [.. baseline.SelfChanges, .. current.SelfChanges], baseline.MedianNanoseconds, current.MedianNanoseconds,
            baseline.BytesPerOperation, current.BytesPerOperation, Math.Min(baseline.Copies, current.Copies), Math.Min(baseline.Rounds, current.Rounds));

    private static (SideLevel? Level, PairedProcessResult? Failure) Read(Side side, (PairedChildResult? Result, string? Error) run, BaselineCode code)
    {
        var (child, error) = run;
        var which = SideBuild.Describe(side);
        if (child is null)
            return (null, PairedProcessResult.Failed(Verdict.Inconclusive, $"an interleaved process of the {which} failed: {error}"));
        if (child.BaselineMissing && side == Side.Baseline)
            return (null, PairedProcessResult.Failed(Verdict.New, $"{code.Description} has no such test (its build: {code.Directory})"));
        if (child.Problem is not null || child.Samples is null)
            return (null, PairedProcessResult.Failed(Verdict.Inconclusive, child.Problem ?? $"the {which}'s interleaved process returned no samples"));
        return (ProcessComparer.Level(child.Samples), null);
    }
}
