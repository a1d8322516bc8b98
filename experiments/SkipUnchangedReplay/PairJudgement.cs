using System.Diagnostics;
using ActiveInference.Benchmarking.Pairing;

namespace SkipUnchangedReplay;

/// <summary>
/// What the gate with <c>skipUnchanged</c> decides for every benchmark of one pull request (baseline = the parent's build,
/// current = the child's), by the calls <c>RunModeEvaluator</c> makes: <see cref="BuildDifference"/>, <see
/// cref="ComparisonRoute.SameDependencies"/>, then <see cref="ReachableCode.Compare"/> per benchmark.
/// </summary>
/// <param name="Changes">Per benchmark method of the child, whether it is <c>Unchanged</c> and why.</param>
/// <param name="Dependencies">Why every benchmark is measured because packages or the runtime differ, or null when they are the same.</param>
/// <param name="Seconds">Wall time of the whole check (build difference, opening both builds, every comparison), in seconds.</param>
internal sealed record PairJudgement(IReadOnlyList<(BenchmarkMethod Method, CodeChange Change)> Changes, string? Dependencies, double Seconds)
{
    /// <summary>The benchmark methods the gate would measure (not <c>Unchanged</c>).</summary>
    public IReadOnlyList<(BenchmarkMethod Method, CodeChange Change)> Remeasured => [.. Changes.Where(c => !c.Change.Unchanged)];

    /// <summary>Judges the child build in <paramref name="currentDirectory"/> against its parent's in <paramref name="baselineDirectory"/>.</summary>
    public static PairJudgement Judge(string baselineDirectory, string currentDirectory, string entryAssembly, IReadOnlyList<BenchmarkMethod> methods)
    {
        var started = Stopwatch.GetTimestamp();
        var difference = BuildDifference.Compare(baselineDirectory, currentDirectory, entryAssembly);
        var route = ComparisonRoute.For(difference, baselineDirectory, currentDirectory, entryAssembly);
        if (!route.SameDependencies)
        {
            var why = difference.Describe();
            return new PairJudgement([.. methods.Select(m => (m, new CodeChange(false, why)))], why, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        var changes = new List<(BenchmarkMethod, CodeChange)>();
        using (var reachable = ReachableCode.Open(baselineDirectory, currentDirectory, entryAssembly))
            foreach (var method in methods)
                changes.Add((method, reachable.Compare(method.Member.FixtureType, method.Member.Method, method.Member.Setup, method.Member.SampleSetup)));
        return new PairJudgement(changes, null, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
