using System.Text.Json;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// One side's build of a perf test project: its folder, perf test assembly, and the assemblies each copy loads from it
/// (the projects under test, and the NuGet packages that differ between the sides; the <see cref="Harness"/> and the
/// packages both sides have alike are shared).
/// </summary>
/// <param name="Side">Which side this is.</param>
/// <param name="Directory">Full path of the build output folder.</param>
/// <param name="EntryAssembly">File name of the perf test assembly, e.g. <c>Foo.PerfTests.dll</c>.</param>
/// <param name="AssembliesUnderTest">Simple names of the project assemblies each copy loads from <paramref name="Directory"/>.</param>
internal sealed record SideBuild(Side Side, string Directory, string EntryAssembly, IReadOnlyList<string> AssembliesUnderTest)
{
    /// <summary>
    /// Simple names of the assemblies of the NuGet packages each copy loads from <see cref="Directory"/>: those that differ
    /// between the sides, so a package bump is measured like a code change.
    /// </summary>
    public IReadOnlyList<string> PackageAssemblies { get; init; } = [];

    /// <summary>Full path of the perf test assembly.</summary>
    public string EntryPath => Path.Combine(Directory, EntryAssembly);

    /// <summary>Every assembly a copy loads for itself: <see cref="AssembliesUnderTest"/> and <see cref="PackageAssemblies"/>.</summary>
    public IEnumerable<string> PerCopy => AssembliesUnderTest.Concat(PackageAssemblies);

    /// <summary>
    /// Reads <c>&lt;entry&gt;.deps.json</c>: libraries of type <c>project</c> except this framework are under test, and
    /// the runtime assemblies of the packages named in <paramref name="packagesPerCopy"/> (outside the <see
    /// cref="Harness"/>) are loaded per copy; throws <see cref="PairingException"/>.
    /// </summary>
    /// <param name="side">Which side the build is.</param>
    /// <param name="directory">Its build output folder.</param>
    /// <param name="entryAssembly">The perf test assembly's file name.</param>
    /// <param name="packagesPerCopy">Package ids each copy loads from this build (those that differ between the sides);
    /// every other package is shared: loading an identical package per copy only costs JIT time.</param>
    public static SideBuild Read(Side side, string directory, string entryAssembly, IReadOnlyCollection<string>? packagesPerCopy = null)
    {
        var perCopy = new HashSet<string>(packagesPerCopy ?? [], StringComparer.OrdinalIgnoreCase);
        var entryPath = Path.Combine(directory, entryAssembly);
        if (!File.Exists(entryPath))
            throw new PairingException($"the {Describe(side)} has no {entryAssembly} in {directory}");
        var depsPath = Path.ChangeExtension(entryPath, ".deps.json");
        var entryName = Path.GetFileNameWithoutExtension(entryAssembly);
        var projects = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { entryName };
        var packages = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        bool Built(string name) => File.Exists(Path.Combine(directory, name + ".dll"));
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(depsPath));
            var root = document.RootElement;
            var targets = RuntimeTargets(root);
            foreach (var library in root.GetProperty("libraries").EnumerateObject())
            {
                if (!library.Value.TryGetProperty("type", out var type)) continue;
                var name = library.Name.Split('/')[0];
                if (Harness.Contains(name)) continue;
                if (type.GetString() == "project" && Built(name))
                    projects.Add(name);
                else if (type.GetString() == "package" && perCopy.Contains(name))
                    packages.UnionWith(RuntimeAssemblies(targets, library.Name, name).Where(Built));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PairingException($"cannot read which assemblies the {Describe(side)} tests from {depsPath}: {e.Message}");
        }
        packages.ExceptWith(projects);
        return new SideBuild(side, Path.GetFullPath(directory), entryAssembly, [.. projects]) { PackageAssemblies = [.. packages] };
    }

    internal static string Describe(Side side) => side == Side.Baseline ? "baseline" : "current build";

    private static JsonElement? RuntimeTargets(JsonElement root)
    {
        if (!root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object) return null;
        var name = root.TryGetProperty("runtimeTarget", out var target) && target.TryGetProperty("name", out var n) ? n.GetString() : null;
        return name is not null && targets.TryGetProperty(name, out var chosen) ? chosen : targets.EnumerateObject().Select(p => (JsonElement?)p.Value).FirstOrDefault();
    }

    /// <summary>The simple names of a package's runtime assemblies (its <c>runtime</c> entries), else the package id.</summary>
    private static IEnumerable<string> RuntimeAssemblies(JsonElement? targets, string library, string packageId)
    {
        if (targets is { } t && t.ValueKind == JsonValueKind.Object && t.TryGetProperty(library, out var entry)
            && entry.TryGetProperty("runtime", out var runtime) && runtime.ValueKind == JsonValueKind.Object)
            return runtime.EnumerateObject().Select(a => Path.GetFileNameWithoutExtension(a.Name)).ToArray();
        return [packageId];
    }
}
