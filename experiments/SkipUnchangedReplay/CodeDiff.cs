using ActiveInference.Benchmarking.Pairing;

namespace SkipUnchangedReplay;

/// <summary>
/// What one commit changed, from git: every path, and the source files of the code under test whose change is more than
/// comments and whitespace. A heuristic: <c>git diff -w</c> lines that are not blank and not <c>//</c> comments (C#) or
/// <c>&lt;!-- --&gt;</c> comments (project files); neither kernel nor perf-test code uses <c>/* */</c> blocks.
/// </summary>
/// <param name="Paths">Every path the commit changed.</param>
/// <param name="CodeFiles">The paths under <see cref="CodeFolders"/> (and the build files) changed in code, by the heuristic.</param>
internal sealed record CodeDiff(IReadOnlyList<string> Paths, IReadOnlyList<string> CodeFiles)
{
    /// <summary>The folders whose code the benchmarks execute.</summary>
    public static readonly string[] CodeFolders = ["src/ActiveInference.Core", "perf-tests"];

    /// <summary>Build files every benchmark's build depends on.</summary>
    public static readonly string[] BuildFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "build/PerfTests.props", "build/PerfTests.targets", "build/PerfTestsEntry.cs"];

    /// <summary>The difference from <paramref name="parent"/> to <paramref name="child"/> in <paramref name="repository"/>; throws when git fails.</summary>
    public static CodeDiff Between(string repository, string parent, string child)
    {
        var paths = Lines(Run(repository, "diff", "--name-only", "--no-renames", parent, child));
        var diff = Run(repository, (string[])["diff", "-w", "--unified=0", "--no-color", "--no-renames", "--no-ext-diff", parent, child, "--", .. CodeFolders, .. BuildFiles]);
        return new CodeDiff(paths, ChangedInCode(diff));
    }

    /// <summary>The files of a unified diff with at least one changed line that is code by the heuristic.</summary>
    public static IReadOnlyList<string> ChangedInCode(string unifiedDiff)
    {
        var files = new List<string>();
        string? file = null;
        foreach (var line in unifiedDiff.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                file = line[(line.LastIndexOf(" b/", StringComparison.Ordinal) + 3)..];
                continue;
            }
            if (line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal)) continue;
            if (file is null || line.Length == 0 || line[0] is not ('+' or '-')) continue;
            if (IsCode(line[1..], file) && !files.Contains(file)) files.Add(file);
        }
        return files;
    }

    /// <summary>True when a changed line counts as code: not blank, not a comment line.</summary>
    public static bool IsCode(string line, string file)
    {
        var text = line.Trim();
        if (text.Length == 0) return false;
        if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) return !text.StartsWith("//", StringComparison.Ordinal);
        return !(text.StartsWith("<!--", StringComparison.Ordinal) && text.EndsWith("-->", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Run(string repository, params string[] arguments)
    {
        var result = Git.Run(repository, arguments);
        return result.Succeeded ? result.Output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {repository}: {result.Error}");
    }
}
