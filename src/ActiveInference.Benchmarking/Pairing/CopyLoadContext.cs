using System.Reflection;
using System.Runtime.Loader;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// The load context of one copy of one side: the assemblies under test and their packages loaded per copy from the side's
/// build, the <see cref="Harness"/> and the runtime from the default context. Not collectible: collectible contexts compile
/// static access differently.
/// </summary>
internal sealed class CopyLoadContext : AssemblyLoadContext
{
    private readonly SideBuild _build;
    private readonly HashSet<string> _underTest;

    public CopyLoadContext(SideBuild build, int index)
        : base($"{build.Side}-{index}", isCollectible: false)
    {
        _build = build;
        _underTest = new HashSet<string>(build.PerCopy, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Loads this copy's perf test assembly.</summary>
    public Assembly LoadEntry() => LoadFromAssemblyPath(_build.EntryPath);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _underTest.Contains(name)
            ? LoadFromAssemblyPath(Path.Combine(_build.Directory, name + ".dll"))
            : null;
}
