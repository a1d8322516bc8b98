using Mono.Cecil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Where a benchmark's execution starts in one build, as the paired copies run it: every overload of the method, its
/// set-ups, the fixture's constructors and NUnit set-up and tear-down methods (its base types' too), the
/// <c>[SetUpFixture]</c>s of its namespace and the namespaces above, the members its source attributes name, and the
/// constructors of attributes the build defines itself on all of these.
/// </summary>
/// <param name="Methods">The root methods.</param>
/// <param name="Types">The root types: the fixture, its base types, the set-up fixtures, the source types.</param>
/// <param name="Uncertain">What could not be read of the roots (an attribute's arguments), or null.</param>
/// <param name="Problem">Why there are no roots (no such fixture or method), or null.</param>
internal sealed record BenchmarkRoots(IReadOnlyList<MethodDefinition> Methods, IReadOnlyList<TypeDefinition> Types, string? Uncertain, string? Problem)
{
    private const string NUnit = "NUnit.Framework.";
    private static readonly string[] s_setUpAttributes =
        [NUnit + "SetUpAttribute", NUnit + "OneTimeSetUpAttribute", NUnit + "TearDownAttribute", NUnit + "OneTimeTearDownAttribute"];
    private static readonly string[] s_sourceAttributes =
        [NUnit + "TestCaseSourceAttribute", NUnit + "ValueSourceAttribute", NUnit + "TestFixtureSourceAttribute"];

    /// <summary>The roots of the benchmark <paramref name="methodName"/> of <paramref name="fixtureTypeFullName"/> in <paramref name="build"/>.</summary>
    public static BenchmarkRoots Find(CodeBuild build, string fixtureTypeFullName, string methodName, string? setupMethodName, string? sampleSetupMethodName)
    {
        var fixtureName = CecilName(fixtureTypeFullName);
        var fixture = build.Names.OrderBy(n => n.Equals(build.EntryName, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(n => build.Type(n, fixtureName)).FirstOrDefault(t => t is not null);
        if (fixture is null) return new BenchmarkRoots([], [], null, $"the {build.Describe} has no fixture {fixtureTypeFullName}");

        var roots = new Collector(build);
        var chain = roots.Chain(fixture);
        var benchmarks = chain.SelectMany(t => t.Methods).Where(m => m.Name == methodName).ToList();
        if (benchmarks.Count == 0) return new BenchmarkRoots([], [], null, $"the {build.Describe}'s {fixture.Name} has no method {methodName}");
        foreach (var method in benchmarks)
        {
            roots.Method(method);
            roots.Sources(method.CustomAttributes, fixture);
            foreach (var parameter in method.Parameters) roots.Sources(parameter.CustomAttributes, fixture);
        }
        foreach (var name in new[] { setupMethodName, sampleSetupMethodName })
            if (!string.IsNullOrWhiteSpace(name))
                foreach (var method in chain.SelectMany(t => t.Methods).Where(m => m.Name == name)) roots.Method(method);
        roots.Fixture(fixture);
        foreach (var type in chain) roots.Sources(type.CustomAttributes, fixture);

        var outer = fixture;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        if (build.Assembly(build.EntryName, out _) is { } entry)
        {
            foreach (var type in entry.MainModule.Types)
                if (IsSetUpFixtureFor(type, outer.Namespace)) roots.Fixture(type);
            roots.Attributes(entry.CustomAttributes);
        }
        return new BenchmarkRoots(roots.Methods, roots.Types, roots.Uncertain, null);
    }

    /// <summary>Cecil's form of a type's full name: nested types after <c>/</c>, no generic arguments.</summary>
    public static string CecilName(string fullName)
    {
        var bracket = fullName.IndexOf('[');
        return (bracket < 0 ? fullName : fullName[..bracket]).Replace('+', '/');
    }

    private static bool IsSetUpFixtureFor(TypeDefinition type, string fixtureNamespace) =>
        type.CustomAttributes.Any(a => a.AttributeType.FullName == NUnit + "SetUpFixtureAttribute")
        && (type.Namespace.Length == 0 || fixtureNamespace == type.Namespace || fixtureNamespace.StartsWith(type.Namespace + ".", StringComparison.Ordinal));

    private sealed class Collector(CodeBuild build)
    {
        private readonly HashSet<MethodDefinition> _seenMethods = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<TypeDefinition> _seenTypes = new(ReferenceEqualityComparer.Instance);

        public List<MethodDefinition> Methods { get; } = [];
        public List<TypeDefinition> Types { get; } = [];
        public string? Uncertain { get; private set; }

        public void Method(MethodDefinition method)
        {
            if (_seenMethods.Add(method)) Methods.Add(method);
        }

        public void Type(TypeDefinition type)
        {
            if (_seenTypes.Add(type)) Types.Add(type);
        }

        // The type and its base types within the assemblies under test.
        public List<TypeDefinition> Chain(TypeDefinition type)
        {
            var chain = new List<TypeDefinition>();
            for (TypeDefinition? t = type; t is not null; t = Resolve(t.BaseType)) chain.Add(t);
            return chain;
        }

        // What NUnit runs of a fixture or set-up fixture: constructors and attributed set-up and tear-down methods.
        public void Fixture(TypeDefinition fixture)
        {
            foreach (var type in Chain(fixture))
            {
                Type(type);
                Attributes(type.CustomAttributes);
                foreach (var method in type.Methods)
                    if (method.IsConstructor || method.CustomAttributes.Any(a => s_setUpAttributes.Contains(a.AttributeType.FullName)))
                        Method(method);
            }
        }

        public void Attributes(IEnumerable<CustomAttribute> attributes)
        {
            foreach (var attribute in attributes)
            {
                var assembly = CodeBuild.AssemblyOf(attribute.AttributeType);
                if (assembly is null || !build.IsUnderTest(assembly)) continue;
                if (Resolve(attribute.AttributeType) is { } type) Type(type);
                if (ResolveMethod(attribute.Constructor) is { } constructor) Method(constructor);
            }
        }

        // [TestCaseSource(typeof(T), "Name")], [ValueSource("Name")], [TestFixtureSource(typeof(T))]: the named member, or
        // the source type itself when only a type is named (NUnit creates and enumerates it).
        public void Sources(IEnumerable<CustomAttribute> attributes, TypeDefinition fixture)
        {
            foreach (var attribute in attributes)
            {
                if (!s_sourceAttributes.Contains(attribute.AttributeType.FullName)) continue;
                TypeReference? sourceType = null;
                string? name = null;
                try
                {
                    foreach (var argument in attribute.ConstructorArguments)
                    {
                        if (argument.Value is TypeReference type && sourceType is null && name is null) sourceType = type;
                        else if (argument.Value is string text && name is null) name = text;
                    }
                }
                catch (Exception e) when (e is ResolutionException or AssemblyResolutionException or NotSupportedException)
                {
                    Uncertain ??= $"the arguments of {attribute.AttributeType.Name}, which cannot be read";
                    continue;
                }
                var source = sourceType is null ? fixture : Resolve(sourceType);
                if (source is null) continue;
                Type(source);
                foreach (var type in Chain(source))
                {
                    if (name is null)
                    {
                        foreach (var constructor in type.Methods.Where(m => m.IsConstructor)) Method(constructor);
                        continue;
                    }
                    foreach (var method in type.Methods.Where(m => m.Name == name)) Method(method);
                    foreach (var property in type.Properties.Where(p => p.Name == name))
                        if (property.GetMethod is not null) Method(property.GetMethod);
                    if (type.Fields.Any(f => f.Name == name))
                        foreach (var constructor in type.Methods.Where(m => m.IsConstructor)) Method(constructor);
                }
            }
        }

        private TypeDefinition? Resolve(TypeReference? type)
        {
            if (type is null) return null;
            var assembly = CodeBuild.AssemblyOf(type.GetElementType());
            if (assembly is null || !build.IsUnderTest(assembly)) return null;
            TypeDefinition? definition = null;
            try
            {
                definition = type.Resolve();
            }
            catch (Exception e) when (e is ResolutionException or AssemblyResolutionException)
            {
            }
            if (definition is null) Uncertain ??= $"{type.FullName}, which cannot be resolved";
            return definition;
        }

        private MethodDefinition? ResolveMethod(MethodReference method)
        {
            try
            {
                return method.Resolve();
            }
            catch (Exception e) when (e is ResolutionException or AssemblyResolutionException)
            {
                return null;
            }
        }
    }
}
