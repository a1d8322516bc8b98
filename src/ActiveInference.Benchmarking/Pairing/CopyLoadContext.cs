using System.Reflection;
using System.Runtime.Loader;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// The load context of one copy of one side: the assemblies under test come from the side's folder, one instance
/// per copy (its own statics and its own machine code); every other assembly resolves in the default context, so
/// NUnit, this framework and shared packages are one and the same for all copies and types like
/// <c>double[]</c> or <c>Matrix&lt;double&gt;</c> cross between them. Not collectible: collectible contexts compile
/// static access differently and would not measure the real build.
/// </summary>
internal sealed class CopyLoadContext : AssemblyLoadContext
{
    private readonly SideBuild _build;
    private readonly HashSet<string> _underTest;

    public CopyLoadContext(SideBuild build, int index)
        : base($"{build.Side}-{index}", isCollectible: false)
    {
        _build = build;
        _underTest = new HashSet<string>(build.AssembliesUnderTest, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Loads this copy's perf test assembly.</summary>
    public Assembly LoadEntry() => LoadFromAssemblyPath(_build.EntryPath);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _underTest.Contains(name)
            ? LoadFromAssemblyPath(Path.Combine(_build.Directory, name + ".dll"))
            : null;
}
