using Mono.Cecil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a set of roots can execute in one build's assemblies under test, found by walking their IL.</summary>
/// <param name="Methods">The methods reached, roots first, then in the order the walk found them.</param>
/// <param name="Types">The types reached: referenced, instantiated or declaring a reached method.</param>
/// <param name="Dispatch">The virtual, interface and constrained calls made into the assemblies under test or out of them.</param>
/// <param name="Uncertain">What makes the walk unable to tell what runs (reflection, <c>dynamic</c>, <c>calli</c>, an
/// unresolvable member), or null.</param>
/// <param name="Problem">An assembly under test that could not be read, or null.</param>
internal sealed record Reach(
    IReadOnlyList<MethodDefinition> Methods,
    IReadOnlyList<TypeDefinition> Types,
    IReadOnlyCollection<DispatchKey> Dispatch,
    string? Uncertain,
    string? Problem);
