using System.Runtime.InteropServices;
using System.Text.Json;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// What differs between two builds of one perf test project besides their own code: the NuGet packages (by version, or
/// by the content of their runtime files) and the runtime (frameworks, roll-forward, runtime settings, target). Read once
/// per run from each side's <c>&lt;entry&gt;.deps.json</c> and <c>&lt;entry&gt;.runtimeconfig.json</c>; never throws.
/// </summary>
/// <param name="Packages">The packages that differ, ordered by name.</param>
/// <param name="Runtime">What differs in the runtime, e.g. <c>runtimeconfig.json: System.Globalization.Invariant false →
/// true</c>; null when nothing does.</param>
/// <param name="Unreadable">The files that could not be read, named with the reason; null when all could. The builds then
/// count as different: nothing can be told.</param>
internal sealed record BuildDifference(IReadOnlyList<PackageDifference> Packages, string? Runtime, string? Unreadable)
{
    private const string FrameworkName = "ActiveInference.Benchmarking";

    /// <summary>True when some package, the runtime or an unreadable file makes the builds differ.</summary>
    public bool Differs => Packages.Count > 0 || Runtime is not null || Unreadable is not null;

    /// <summary>
    /// Compares the builds in <paramref name="baselineDirectory"/> and <paramref name="currentDirectory"/> of the perf
    /// test assembly <paramref name="entryAssembly"/> (a file name, e.g. <c>Foo.PerfTests.dll</c>). Rid-specific package
    /// files are compared only where they can run on <paramref name="runtimeIdentifier"/> (default: this machine's).
    /// </summary>
    public static BuildDifference Compare(string baselineDirectory, string currentDirectory, string entryAssembly, string? runtimeIdentifier = null)
    {
        var rid = runtimeIdentifier ?? RuntimeInformation.RuntimeIdentifier;
        var problems = new List<string>();
        var baselineDeps = Read(baselineDirectory, entryAssembly, ".deps.json", "baseline", problems, root => DepsFile.Parse(root, rid));
        var currentDeps = Read(currentDirectory, entryAssembly, ".deps.json", "current build", problems, root => DepsFile.Parse(root, rid));
        var baselineConfig = Read(baselineDirectory, entryAssembly, ".runtimeconfig.json", "baseline", problems, RuntimeConfig.Parse);
        var currentConfig = Read(currentDirectory, entryAssembly, ".runtimeconfig.json", "current build", problems, RuntimeConfig.Parse);

        var runtime = new List<string>();
        if (baselineConfig is not null && currentConfig is not null) runtime.AddRange(baselineConfig.Differences(currentConfig));
        if (baselineDeps is not null && currentDeps is not null && baselineDeps.Target != currentDeps.Target)
            runtime.Add($"deps.json: runtime target {baselineDeps.Target ?? "(none)"} → {currentDeps.Target ?? "(none)"}");

        IReadOnlyList<PackageDifference> packages = baselineDeps is not null && currentDeps is not null
            ? ComparePackages(baselineDirectory, baselineDeps, currentDirectory, currentDeps, Path.GetFileNameWithoutExtension(entryAssembly))
            : [];
        return new BuildDifference(packages, runtime.Count > 0 ? string.Join("; ", runtime) : null,
            problems.Count > 0 ? string.Join("; ", problems) : null);
    }

    /// <summary>True for the packages both sides share and never measure: NUnit, the test host, this framework.</summary>
    public static bool IsHarness(string package) =>
        package.Equals("NUnit", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("NUnit.", StringComparison.OrdinalIgnoreCase)
        || package.Equals("nunit.framework", StringComparison.OrdinalIgnoreCase)
        || package.Equals("NUnit3TestAdapter", StringComparison.OrdinalIgnoreCase)
        || package.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.TestPlatform.", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.Testing.", StringComparison.OrdinalIgnoreCase)
        || package.Equals("Microsoft.CodeCoverage", StringComparison.OrdinalIgnoreCase)
        || package.Equals(FrameworkName, StringComparison.OrdinalIgnoreCase);

    /// <summary>One line for messages, e.g. <c>packages differ: Foo 1.0.0 → 1.1.0; Bar (content)</c>; empty when none differ.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Packages.Count > 0) parts.Add("packages differ: " + string.Join("; ", Packages.Select(p => p.Describe())));
        if (Runtime is not null) parts.Add("runtime differs: " + Runtime);
        if (Unreadable is not null) parts.Add("cannot tell whether the builds differ: " + Unreadable);
        return string.Join("; ", parts);
    }

    private static T? Read<T>(string directory, string entryAssembly, string extension, string side, List<string> problems, Func<JsonElement, T> parse)
        where T : class
    {
        var path = Path.Combine(directory, Path.ChangeExtension(entryAssembly, extension));
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return parse(document.RootElement);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            problems.Add($"the {side}'s {path} cannot be read ({e.Message})");
            return null;
        }
    }

    private static List<PackageDifference> ComparePackages(string baselineDirectory, DepsFile baseline, string currentDirectory, DepsFile current,
        string entry)
    {
        var differences = new List<PackageDifference>();
        // A package only the harness depends on (this framework's own Mono.Cecil, NUnit's) is shared like the harness; a
        // deps.json without dependency lists leaves every package under test.
        var (before, after) = (baseline.Reachable(entry, IsHarness), current.Reachable(entry, IsHarness));
        bool UnderTest(string name) => (before.Count <= 1 && after.Count <= 1) || before.Contains(name) || after.Contains(name);
        foreach (var name in baseline.Packages.Keys.Union(current.Packages.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            baseline.Packages.TryGetValue(name, out var old);
            current.Packages.TryGetValue(name, out var now);
            if (old is not null && now is not null && old.Version == now.Version
                && SameFiles(baselineDirectory, old, currentDirectory, now))
                continue;
            differences.Add(new PackageDifference(now?.Name ?? old!.Name, old?.Version, now?.Version,
                old?.HasNativeAssets == true || now?.HasNativeAssets == true, IsHarness(name) || !UnderTest(name)));
        }
        return differences;
    }

    private static bool SameFiles(string baselineDirectory, DepsFile.Package baseline, string currentDirectory, DepsFile.Package current)
    {
        if (!baseline.Files.SequenceEqual(current.Files, StringComparer.Ordinal)) return false;
        foreach (var file in current.Files)
            if (!SameContent(Path.Combine(baselineDirectory, file), Path.Combine(currentDirectory, file)))
                return false;
        return true;
    }

    private static bool SameContent(string baselinePath, string currentPath)
    {
        var (baseline, current) = (new FileInfo(baselinePath), new FileInfo(currentPath));
        if (!baseline.Exists || !current.Exists) return baseline.Exists == current.Exists;
        if (baseline.Length != current.Length) return false;
        try
        {
            using var a = baseline.OpenRead();
            using var b = current.OpenRead();
            var (left, right) = (new byte[1 << 16], new byte[1 << 16]);
            while (true)
            {
                var read = a.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
                if (b.ReadAtLeast(right.AsSpan(0, read), read, throwOnEndOfStream: false) != read) return false;
                if (read == 0) return true;
                if (!left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, read))) return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
