using ActiveInference.Benchmarking.IO;

namespace SkipUnchangedReplay;

/// <summary>One commit replayed as a pull request against its parent: what changed, what the gate would re-measure, and the soundness flags.</summary>
/// <param name="Commit">The child commit's full hash.</param>
/// <param name="Subject">Its subject line.</param>
/// <param name="Diff">What it changed.</param>
/// <param name="Judgement">The gate's decisions, or null when one of the two builds is missing.</param>
/// <param name="Missing">Why it was not judged (a build that does not exist), or null.</param>
/// <param name="Flags">Benchmarks judged <c>Unchanged</c> although a file they plausibly use changed in code (heuristic), as <c>Benchmark: file</c>.</param>
internal sealed record CommitReplay(string Commit, string Subject, CodeDiff Diff, PairJudgement? Judgement, string? Missing, IReadOnlyList<string> Flags)
{
    /// <summary>The areas of the repository the commit touched, e.g. <c>docs, tests</c>.</summary>
    public IReadOnlyList<string> Areas => [.. Diff.Paths.Select(Area).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>True when the commit changed only documentation, tests or experiments: the gate should re-measure nothing.</summary>
    public bool DocsOrTestsOnly => Areas.All(a => a is "docs" or "tests" or "experiments");

    /// <summary>Replays <paramref name="child"/> against <paramref name="parent"/>, reading the builds in <paramref name="builds"/>/&lt;sha&gt;.</summary>
    public static CommitReplay Run(string repository, string builds, string entry, string parent, string child, Func<string, SourceIndex> sources)
    {
        var subject = Git.Run(repository, "log", "-1", "--format=%s", child).Output;
        var diff = CodeDiff.Between(repository, parent, child);
        var (baseline, current) = (Path.Combine(builds, parent), Path.Combine(builds, child));
        foreach (var (side, folder) in new[] { ("parent", baseline), ("commit", current) })
            if (!File.Exists(Path.Combine(folder, entry)))
                return new CommitReplay(child, subject, diff, null, $"not judged: the {side}'s build is missing (it does not build; see run.sh's log)", []);

        var judgement = PairJudgement.Judge(baseline, current, entry, BenchmarkMethod.Read(Path.Combine(current, entry)));
        var flags = new List<string>();
        foreach (var (method, change) in judgement.Changes.Where(c => c.Change.Unchanged))
        {
            var used = new HashSet<string>(sources(child).PlausiblyUsedBy(method.FixtureName), StringComparer.Ordinal);
            used.UnionWith(sources(parent).PlausiblyUsedBy(method.FixtureName));
            foreach (var file in diff.CodeFiles)
                if (used.Contains(file) || !file.EndsWith(".cs", StringComparison.Ordinal) || CodeDiff.BuildFiles.Contains(file))
                    flags.Add($"{method.Name}: {file}");
        }
        return new CommitReplay(child, subject, diff, judgement, null, flags);
    }

    /// <summary>The area of one path: docs, tests, experiments, framework, monitor, core, perf-tests, build, templates, baselines or other.</summary>
    public static string Area(string path) => path switch
    {
        _ when path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.StartsWith("docs/", StringComparison.Ordinal) => "docs",
        _ when path.StartsWith("tests/", StringComparison.Ordinal) => "tests",
        _ when path.StartsWith("experiments/", StringComparison.Ordinal) => "experiments",
        _ when path.StartsWith("src/ActiveInference.Benchmarking/", StringComparison.Ordinal) => "framework",
        _ when path.StartsWith("src/ActiveInference.PerfMonitor/", StringComparison.Ordinal) => "monitor",
        _ when path.StartsWith("src/ActiveInference.Core/", StringComparison.Ordinal) => "core",
        _ when path.StartsWith("perf-tests/", StringComparison.Ordinal) => "perf-tests",
        _ when path.StartsWith("templates/", StringComparison.Ordinal) => "templates",
        _ when path.StartsWith("baselines", StringComparison.Ordinal) => "baselines",
        _ when path.StartsWith("build/", StringComparison.Ordinal) || path.StartsWith(".ci/", StringComparison.Ordinal)
            || path.StartsWith(".github/", StringComparison.Ordinal) || path.StartsWith("Directory.", StringComparison.Ordinal)
            || path.EndsWith(".sln", StringComparison.Ordinal) || path.EndsWith(".runsettings", StringComparison.Ordinal)
            || path is "global.json" or ".editorconfig" or ".gitattributes" or ".gitignore" => "build",
        _ => "other",
    };
}
