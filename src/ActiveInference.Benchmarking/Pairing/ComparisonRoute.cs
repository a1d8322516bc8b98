using System.Text.Json;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// How the two builds of a run are compared, decided once from what differs between them besides their code: in the
/// same processes (paired) when every difference can be loaded per copy, else in interleaved processes.
/// </summary>
/// <param name="Method"><see cref="ComparisonMethod.Paired"/> or <see cref="ComparisonMethod.Interleaved"/>.</param>
/// <param name="OwnHosts">Interleaved only: each side's processes start from that side's own build, because the target
/// frameworks differ (the current framework cannot run on the baseline's runtime).</param>
/// <param name="Differences">What differs, one entry each, for messages and results.json.</param>
/// <param name="Why">Why the builds cannot share a process, or null when they can.</param>
internal sealed record ComparisonRoute(ComparisonMethod Method, bool OwnHosts, IReadOnlyList<string> Differences, string? Why)
{
    /// <summary>The packages that differ (outside the harness): each copy loads them from its own side's build.</summary>
    public IReadOnlyList<string> PackagesPerCopy { get; init; } = [];

    /// <summary>
    /// True when nothing but the builds' own code can differ: the packages under test, the runtime and the build files
    /// were read and are the same (the shared harness may differ: it measures both sides alike).
    /// </summary>
    public bool SameDependencies { get; init; }

    /// <summary>The route for builds that differ as <paramref name="difference"/> says.</summary>
    public static ComparisonRoute For(BuildDifference difference, string baselineDirectory, string currentDirectory, string entryAssembly)
    {
        var differences = difference.Packages
            .Select(p => p.IsHarness ? $"{p.Describe()} (shared by both sides: not measured)" : p.Describe())
            .Concat(difference.Runtime is { } runtime ? [$"runtime ({runtime})"] : [])
            .ToArray();
        var native = difference.Packages.Where(p => p.HasNativeAssets && !p.IsHarness).Select(p => p.Name).ToArray();
        string? why = difference.Runtime is not null ? "their runtime differs"
            : native.Length > 0 ? $"{string.Join(", ", native)} carr{(native.Length == 1 ? "ies" : "y")} native code that one process cannot load in two versions"
            : null;
        var same = difference.Unreadable is null && difference.Runtime is null && difference.Packages.All(p => p.IsHarness);
        // Either side's: a package only the baseline has is loaded by the baseline's copies (the current build lacks it).
        string[] perCopy = [.. difference.Packages.Where(p => !p.IsHarness).Select(p => p.Name)];
        if (why is null) return new ComparisonRoute(ComparisonMethod.Paired, false, differences, null) { SameDependencies = same, PackagesPerCopy = perCopy };
        // Native code is resolved through the started build's deps.json, so a side whose native package differs starts
        // from its own build; so does one whose target framework differs.
        var ownHosts = native.Length > 0 || TargetFramework(baselineDirectory, entryAssembly) != TargetFramework(currentDirectory, entryAssembly);
        return new ComparisonRoute(ComparisonMethod.Interleaved, ownHosts, differences, why) { PackagesPerCopy = perCopy };
    }

    /// <summary>The <c>tfm</c> of a build's runtimeconfig.json, or null when it cannot be read.</summary>
    private static string? TargetFramework(string directory, string entryAssembly)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, Path.ChangeExtension(entryAssembly, ".runtimeconfig.json"))));
            return document.RootElement.GetProperty("runtimeOptions").TryGetProperty("tfm", out var tfm) ? tfm.GetString() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
