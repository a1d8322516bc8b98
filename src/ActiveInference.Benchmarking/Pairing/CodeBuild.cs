using Mono.Cecil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// One side's assemblies under test read with Cecil (metadata and IL only, nothing loaded into the process): each opened
/// once when first needed, types and methods found by full name, and their digests cached. It resolves references among
/// its own assemblies only; everything else (the framework, NUnit, packages, the BCL) resolves to nothing.
/// </summary>
internal sealed class CodeBuild : IAssemblyResolver
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AssemblyDefinition> _assemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _assemblyDigests = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<TypeDefinition, Dictionary<string, MethodDefinition>> _methods = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MethodDefinition, string> _methodDigests = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TypeDefinition, string> _typeDigests = new(ReferenceEqualityComparer.Instance);

    private CodeBuild(Side side, string? entryName, string? problem)
    {
        Side = side;
        EntryName = entryName ?? "";
        Problem = problem;
    }

    /// <summary>Which side this is.</summary>
    public Side Side { get; }

    /// <summary>Simple name of the perf test assembly.</summary>
    public string EntryName { get; }

    /// <summary>Why this build cannot be read at all (no entry assembly, an unreadable deps.json), or null.</summary>
    public string? Problem { get; }

    /// <summary>Simple names of the assemblies under test, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _paths.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>How messages name this side: <c>baseline</c> or <c>current build</c>.</summary>
    public string Describe => SideBuild.Describe(Side);

    /// <summary>The assemblies under test of the build in <paramref name="directory"/>, by <see cref="SideBuild.Read"/>'s rule; never throws.</summary>
    public static CodeBuild Open(Side side, string directory, string entryAssembly)
    {
        try
        {
            var build = SideBuild.Read(side, directory, entryAssembly);
            var code = new CodeBuild(side, Path.GetFileNameWithoutExtension(entryAssembly), null);
            foreach (var name in build.AssembliesUnderTest) code._paths[name] = Path.Combine(build.Directory, name + ".dll");
            return code;
        }
        catch (PairingException e)
        {
            return new CodeBuild(side, null, e.Message);
        }
    }

    /// <summary>True when <paramref name="assembly"/> (a simple name) is under test on this side.</summary>
    public bool IsUnderTest(string assembly) => _paths.ContainsKey(assembly);

    /// <summary>The assembly under test of that name, opened once; null (with <paramref name="problem"/>) when it is not under test or unreadable.</summary>
    public AssemblyDefinition? Assembly(string name, out string? problem)
    {
        problem = null;
        if (_assemblies.TryGetValue(name, out var open)) return open;
        if (_unreadable.TryGetValue(name, out problem)) return null;
        if (!_paths.TryGetValue(name, out var path))
        {
            problem = $"{name} is not among the {Describe}'s assemblies under test";
            return null;
        }
        try
        {
            var assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters(ReadingMode.Deferred)
            {
                AssemblyResolver = this,
                InMemory = true,
                ReadSymbols = false,
            });
            _assemblies[name] = assembly;
            return assembly;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = $"the {Describe}'s {path} cannot be read ({e.Message})";
            _unreadable[name] = problem;
            return null;
        }
    }

    /// <summary>The type of that full name (Cecil's form, nested types after <c>/</c>) in that assembly, or null.</summary>
    public TypeDefinition? Type(string assembly, string fullName) => Assembly(assembly, out _)?.MainModule.GetType(fullName);

    /// <summary>The method with that <see cref="CodeDigest.Key"/> declared by <paramref name="type"/>, or null.</summary>
    public MethodDefinition? Method(TypeDefinition type, string key)
    {
        if (!_methods.TryGetValue(type, out var byKey))
            _methods[type] = byKey = type.Methods.GroupBy(CodeDigest.Key).ToDictionary(g => g.Key, g => g.First());
        return byKey.GetValueOrDefault(key);
    }

    /// <summary>The cached <see cref="CodeDigest.Of(MethodDefinition)"/>.</summary>
    public string Digest(MethodDefinition method) =>
        _methodDigests.TryGetValue(method, out var digest) ? digest : _methodDigests[method] = CodeDigest.Of(method);

    /// <summary>The cached <see cref="CodeDigest.Of(TypeDefinition)"/>.</summary>
    public string Digest(TypeDefinition type) =>
        _typeDigests.TryGetValue(type, out var digest) ? digest : _typeDigests[type] = CodeDigest.Of(type);

    /// <summary>The cached <see cref="CodeDigest.Of(AssemblyDefinition)"/> of an open assembly.</summary>
    public string Digest(AssemblyDefinition assembly) =>
        _assemblyDigests.TryGetValue(assembly.Name.Name, out var digest) ? digest : _assemblyDigests[assembly.Name.Name] = CodeDigest.Of(assembly);

    /// <summary>The simple name of the assembly that defines <paramref name="type"/> (for nested types, their outermost type's), or null.</summary>
    public static string? AssemblyOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Scope switch
        {
            AssemblyNameReference reference => reference.Name,
            ModuleDefinition module => module.Assembly.Name.Name,
            _ => null,
        };
    }

    /// <inheritdoc/>
    public AssemblyDefinition? Resolve(AssemblyNameReference name) => IsUnderTest(name.Name) ? Assembly(name.Name, out _) : null;

    /// <inheritdoc/>
    public AssemblyDefinition? Resolve(AssemblyNameReference name, ReaderParameters parameters) => Resolve(name);

    /// <summary>Closes every assembly it opened.</summary>
    public void Dispose()
    {
        foreach (var assembly in _assemblies.Values) assembly.Dispose();
        _assemblies.Clear();
    }
}
