using System.Text.RegularExpressions;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Pairing;

namespace SkipUnchangedReplay;

/// <summary>
/// What one commit changed, from git: every path, and the source files of the code under test whose change is more than
/// comments and whitespace. A heuristic: <c>git diff -w</c> lines that are not blank and not <c>//</c> comments (C#) or
/// <c>&lt;!-- --&gt;</c> comments (project files); neither kernel nor perf-test code uses <c>/* */</c> blocks. A package
/// version counts only for a package the kernels or the perf tests reference (outside the shared harness).
/// </summary>
/// <param name="Paths">Every path the commit changed.</param>
/// <param name="CodeFiles">The paths under <see cref="CodeFolders"/> (and the build files) changed in code, by the heuristic.</param>
internal sealed partial record CodeDiff(IReadOnlyList<string> Paths, IReadOnlyList<string> CodeFiles)
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
        var packages = PackagesUnderTest(repository, parent);
        packages.UnionWith(PackagesUnderTest(repository, child));
        return new CodeDiff(paths, ChangedInCode(diff, packages));
    }

    /// <summary>
    /// The files of a unified diff with at least one changed line that is code by the heuristic. In
    /// <c>Directory.Packages.props</c> a <c>PackageVersion</c> line counts only for a package in <paramref
    /// name="packagesUnderTest"/>: the others are the harness's or the tests'.
    /// </summary>
    public static IReadOnlyList<string> ChangedInCode(string unifiedDiff, IReadOnlySet<string> packagesUnderTest)
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
            if (file == "Directory.Packages.props" && PackageVersion().Match(line) is { Success: true } version && !packagesUnderTest.Contains(version.Groups[1].Value))
                continue;
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

    /// <summary>The packages the project files under <see cref="CodeFolders"/> reference at <paramref name="commit"/>, outside the harness.</summary>
    private static HashSet<string> PackagesUnderTest(string repository, string commit)
    {
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in Lines(Run(repository, (string[])["ls-tree", "-r", "--name-only", commit, "--", .. CodeFolders])).Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)))
            foreach (Match reference in PackageReference().Matches(Run(repository, "show", $"{commit}:{project}")))
                if (!BuildDifference.IsHarness(reference.Groups[1].Value)) packages.Add(reference.Groups[1].Value);
        return packages;
    }

    [GeneratedRegex(@"<PackageVersion\s+Include=""([^""]+)""")]
    private static partial Regex PackageVersion();

    [GeneratedRegex(@"<PackageReference\s+Include=""([^""]+)""")]
    private static partial Regex PackageReference();

    private static IReadOnlyList<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Run(string repository, params string[] arguments)
    {
        var result = Git.Run(repository, arguments);
        return result.Succeeded ? result.Output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {repository}: {result.Error}");
    }
}
