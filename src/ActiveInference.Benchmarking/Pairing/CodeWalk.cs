using Mono.Cecil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Reachability over one build's assemblies under test: from roots along the IL's calls, creations, function pointers
/// and tokens; a reached type brings its static constructor, parameterless constructor, virtual methods (what code
/// outside can call back), base types, interfaces and field types; a virtual, interface or constrained call brings every
/// method that could answer it (<see cref="DispatchKey"/>). Each method's edges are read once.
/// </summary>
internal sealed class CodeWalk(CodeBuild build)
{
    private readonly Dictionary<MethodDefinition, MethodEdges> _edges = new(ReferenceEqualityComparer.Instance);
    private Dictionary<DispatchKey, List<MethodDefinition>>? _answers;

    /// <summary>Everything <paramref name="roots"/> and <paramref name="rootTypes"/> can execute.</summary>
    public Reach Walk(IEnumerable<MethodDefinition> roots, IEnumerable<TypeDefinition> rootTypes)
    {
        var methods = new List<MethodDefinition>();
        var seenMethods = new HashSet<MethodDefinition>(ReferenceEqualityComparer.Instance);
        var types = new List<TypeDefinition>();
        var seenTypes = new HashSet<TypeDefinition>(ReferenceEqualityComparer.Instance);
        var dispatch = new HashSet<DispatchKey>();
        var assemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<MethodDefinition>();
        string? uncertain = null, problem = null;

        void AddMethod(MethodDefinition method)
        {
            if (seenMethods.Add(method))
            {
                methods.Add(method);
                pending.Enqueue(method);
            }
        }

        void AddType(TypeDefinition? type)
        {
            if (type is null || !seenTypes.Add(type)) return;
            types.Add(type);
            if (assemblies.Add(type.Module.Assembly.Name.Name) && type.Module.Types.FirstOrDefault(t => t.Name == "<Module>") is { } module)
                AddType(module);
            foreach (var method in type.Methods)
                if (method.IsVirtual || (method.IsConstructor && (method.IsStatic || method.Parameters.Count == 0))) AddMethod(method);
            foreach (var related in Related(type)) AddType(related);
        }

        List<TypeDefinition> Related(TypeDefinition type)
        {
            var references = new List<TypeReference>();
            if (type.BaseType is not null) references.Add(type.BaseType);
            references.AddRange(type.Interfaces.Select(i => i.InterfaceType));
            references.AddRange(type.Fields.Select(f => f.FieldType));
            var edges = MethodEdges.OfTypes(references, build);
            uncertain ??= edges.Uncertain;
            problem ??= edges.Problem;
            return [.. edges.Types];
        }

        foreach (var root in roots) AddMethod(root);
        foreach (var type in rootTypes) AddType(type);
        while (pending.TryDequeue(out var method))
        {
            var edges = EdgesOf(method);
            uncertain ??= edges.Uncertain;
            problem ??= edges.Problem;
            foreach (var type in edges.Types) AddType(type);
            foreach (var called in edges.Methods) AddMethod(called);
            foreach (var key in edges.Dispatch)
                if (dispatch.Add(key))
                    foreach (var answer in Answers(key)) AddMethod(answer);
        }
        return new Reach(methods, types, dispatch, uncertain, problem);
    }

    /// <summary>The methods of the assemblies under test that can answer a call of <paramref name="key"/>.</summary>
    public IReadOnlyList<MethodDefinition> Answers(DispatchKey key)
    {
        _answers ??= IndexAnswers();
        var virtuals = _answers.GetValueOrDefault(key with { Static = false }) ?? [];
        return key.Static ? [.. virtuals, .. _answers.GetValueOrDefault(key) ?? []] : virtuals;
    }

    private MethodEdges EdgesOf(MethodDefinition method) =>
        _edges.TryGetValue(method, out var edges) ? edges : _edges[method] = MethodEdges.Of(method, build);

    // Virtual methods under their simple name and the names they explicitly implement; static ones for static abstract members.
    private Dictionary<DispatchKey, List<MethodDefinition>> IndexAnswers()
    {
        var index = new Dictionary<DispatchKey, List<MethodDefinition>>();
        foreach (var name in build.Names)
        {
            if (build.Assembly(name, out _) is not { } assembly) continue;
            foreach (var type in assembly.MainModule.GetTypes())
            {
                foreach (var method in type.Methods)
                {
                    if (!method.IsVirtual && !(method.IsStatic && !method.IsConstructor)) continue;
                    var names = new HashSet<string>(StringComparer.Ordinal) { DispatchKey.SimpleName(method.Name) };
                    foreach (var overridden in method.Overrides) names.Add(DispatchKey.SimpleName(overridden.Name));
                    foreach (var simple in names)
                    {
                        var key = new DispatchKey(simple, method.Parameters.Count, method.IsStatic);
                        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                        list.Add(method);
                    }
                }
            }
        }
        return index;
    }
}
