using ActiveInference.Benchmarking.Pairing;
using Mono.Cecil;

namespace SkipUnchangedReplay;

/// <summary>
/// One <c>[PerfBenchmark]</c> method of a perf test assembly (all its test cases), named as the gate names it (<see
/// cref="BenchmarkMember"/>).
/// </summary>
/// <param name="Member">The fixture type (reflection's full name), the method and the attribute's set-ups.</param>
internal sealed record BenchmarkMethod(BenchmarkMember Member)
{
    private const string AttributeName = "ActiveInference.Benchmarking.PerfBenchmarkAttribute";

    /// <summary>The short name used in the table, e.g. <c>FreeEnergyBenchmarks.FreeEnergy</c>.</summary>
    public string Name => $"{FixtureName}.{Member.Method}";

    /// <summary>The simple name of the fixture type, e.g. <c>FreeEnergyBenchmarks</c>.</summary>
    public string FixtureName => Member.FixtureType[(Member.FixtureType.LastIndexOfAny(['.', '+']) + 1)..];

    /// <summary>
    /// Every benchmark method of the assembly at <paramref name="path"/>, read with Cecil (never loaded): per concrete
    /// class, the attributed methods it declares or inherits from a base type in the same assembly, ordered by name.
    /// </summary>
    public static IReadOnlyList<BenchmarkMethod> Read(string path)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { ReadSymbols = false });
        var methods = new List<BenchmarkMethod>();
        foreach (var fixture in assembly.MainModule.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var type = fixture; type is not null; type = BaseInModule(type))
                foreach (var method in type.Methods)
                    if (method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == AttributeName) is { } attribute && seen.Add(method.Name))
                        methods.Add(new BenchmarkMethod(
                            new BenchmarkMember(fixture.FullName.Replace('/', '+'), method.Name, Property(attribute, "Setup"), Property(attribute, "SampleSetup"))));
        }
        return [.. methods.OrderBy(m => m.Name, StringComparer.Ordinal)];
    }

    private static TypeDefinition? BaseInModule(TypeDefinition type) =>
        type.BaseType is { } baseType && baseType.Scope == type.Module ? baseType.Resolve() : null;

    private static string? Property(CustomAttribute attribute, string name) =>
        attribute.Properties.Where(p => p.Name == name).Select(p => p.Argument.Value as string).FirstOrDefault();
}
