using System.Text.Json;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a build's <c>deps.json</c> says about its NuGet packages and the runtime it targets.</summary>
/// <param name="Target">The <c>runtimeTarget.name</c>, e.g. <c>.NETCoreApp,Version=v10.0</c>; null when absent.</param>
/// <param name="Packages">The libraries of type <c>package</c> by id (ignoring case).</param>
internal sealed record DepsFile(string? Target, IReadOnlyDictionary<string, DepsFile.Package> Packages)
{
    /// <summary>Each library's direct dependencies (ids, ignoring case), as the runtime target lists them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The libraries reachable from <paramref name="start"/> through dependencies, never entering one for which
    /// <paramref name="stop"/> is true (what the code under test uses itself, not through the harness).
    /// </summary>
    public IReadOnlySet<string> Reachable(string start, Func<string, bool> stop)
    {
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var id))
        {
            if (!reached.Add(id)) continue;
            foreach (var dependency in Dependencies.TryGetValue(id, out var list) ? list : [])
                if (!stop(dependency)) pending.Push(dependency);
        }
        return reached;
    }

    private static readonly string[] s_architectures = ["x64", "x86", "arm", "arm64", "armel", "armv6", "loongarch64", "mips64", "ppc64le", "riscv64", "s390x", "wasm"];

    /// <summary>
    /// Reads a parsed deps.json; rid-specific assets count only where they can run on <paramref name="runtimeIdentifier"/>
    /// (its operating system and architecture, or no architecture). Throws <see cref="InvalidOperationException"/> or
    /// <see cref="KeyNotFoundException"/> when it is not one.
    /// </summary>
    public static DepsFile Parse(JsonElement root, string runtimeIdentifier)
    {
        var target = root.TryGetProperty("runtimeTarget", out var runtimeTarget) && runtimeTarget.TryGetProperty("name", out var name)
            ? name.GetString()
            : null;
        var assets = target is not null && root.TryGetProperty("targets", out var targets) && targets.TryGetProperty(target, out var libraries)
            ? libraries
            : default;
        var packages = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (assets.ValueKind == JsonValueKind.Object)
            foreach (var library in assets.EnumerateObject())
                dependencies[Split(library.Name).Id] = library.Value.TryGetProperty("dependencies", out var list) && list.ValueKind == JsonValueKind.Object
                    ? [.. list.EnumerateObject().Select(d => d.Name)]
                    : [];
        foreach (var library in root.GetProperty("libraries").EnumerateObject())
        {
            if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            var (id, version) = Split(library.Name);
            var files = new SortedSet<string>(StringComparer.Ordinal);
            var native = false;
            if (assets.ValueKind == JsonValueKind.Object && assets.TryGetProperty(library.Name, out var entry))
                native = Files(entry, files, runtimeIdentifier);
            packages[id] = new Package(id, version, native, [.. files]);
        }
        return new DepsFile(target, packages) { Dependencies = dependencies };
    }

    private static (string Id, string Version) Split(string library)
    {
        var slash = library.IndexOf('/');
        return slash < 0 ? (library, "") : (library[..slash], library[(slash + 1)..]);
    }

    // Where the build puts each asset: runtime and native files flat in the folder, rid-specific ones under their path.
    private static bool Files(JsonElement entry, SortedSet<string> files, string runtimeIdentifier)
    {
        var native = false;
        foreach (var kind in new[] { "runtime", "native" })
        {
            if (!entry.TryGetProperty(kind, out var section) || section.ValueKind != JsonValueKind.Object) continue;
            foreach (var asset in section.EnumerateObject()) files.Add(Path.GetFileName(asset.Name));
            native |= kind == "native" && section.EnumerateObject().Any();
        }
        if (entry.TryGetProperty("runtimeTargets", out var targeted) && targeted.ValueKind == JsonValueKind.Object)
        {
            foreach (var asset in targeted.EnumerateObject())
            {
                native |= asset.Value.TryGetProperty("assetType", out var assetType) && assetType.GetString() == "native";
                var rid = asset.Value.TryGetProperty("rid", out var value) ? value.GetString() : null;
                if (rid is null || Applies(rid, runtimeIdentifier)) files.Add(asset.Name.Replace('/', Path.DirectorySeparatorChar));
            }
        }
        return native;
    }

    // Over-approximates the RID graph: linux-x64 takes linux-x64, linux-musl-x64, linux, linux-musl, unix and any.
    private static bool Applies(string rid, string runtimeIdentifier)
    {
        if (rid is "any" or "base" || (rid == "unix" && !runtimeIdentifier.StartsWith("win", StringComparison.Ordinal))) return true;
        var (asset, here) = (rid.Split('-'), runtimeIdentifier.Split('-'));
        if (asset[0] != here[0]) return false;
        return !s_architectures.Contains(asset[^1]) || asset[^1] == here[^1];
    }

    /// <summary>One package library of a deps.json.</summary>
    /// <param name="Name">Its id.</param>
    /// <param name="Version">Its version.</param>
    /// <param name="HasNativeAssets">True when it lists native assets (plain or rid-specific).</param>
    /// <param name="Files">Its runtime and native files, relative to the build folder, sorted.</param>
    internal sealed record Package(string Name, string Version, bool HasNativeAssets, IReadOnlyList<string> Files);
}
