using System.Text.Json;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>One side's build of a perf test project: its folder, perf test assembly and the assemblies under test each copy loads.</summary>
/// <param name="Side">Which side this is.</param>
/// <param name="Directory">Full path of the build output folder.</param>
/// <param name="EntryAssembly">File name of the perf test assembly, e.g. <c>Foo.PerfTests.dll</c>.</param>
/// <param name="AssembliesUnderTest">Simple names of the assemblies each copy loads from <paramref name="Directory"/>.</param>
internal sealed record SideBuild(Side Side, string Directory, string EntryAssembly, IReadOnlyList<string> AssembliesUnderTest)
{
    /// <summary>Full path of the perf test assembly.</summary>
    public string EntryPath => Path.Combine(Directory, EntryAssembly);

    /// <summary>
    /// Reads <c>&lt;entry&gt;.deps.json</c>: libraries of type <c>project</c> except this framework are under test;
    /// throws <see cref="PairingException"/>.
    /// </summary>
    public static SideBuild Read(Side side, string directory, string entryAssembly)
    {
        var entryPath = Path.Combine(directory, entryAssembly);
        if (!File.Exists(entryPath))
            throw new PairingException($"the {Describe(side)} has no {entryAssembly} in {directory}");
        var depsPath = Path.ChangeExtension(entryPath, ".deps.json");
        var framework = typeof(PerfBenchmarkAttribute).Assembly.GetName().Name!;
        var entryName = Path.GetFileNameWithoutExtension(entryAssembly);
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { entryName };
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(depsPath));
            foreach (var library in document.RootElement.GetProperty("libraries").EnumerateObject())
            {
                if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "project") continue;
                var name = library.Name.Split('/')[0];
                if (!name.Equals(framework, StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(directory, name + ".dll")))
                    names.Add(name);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PairingException($"cannot read which assemblies the {Describe(side)} tests from {depsPath}: {e.Message}");
        }
        return new SideBuild(side, Path.GetFullPath(directory), entryAssembly, [.. names]);
    }

    internal static string Describe(Side side) => side == Side.Baseline ? "baseline" : "current build";
}
