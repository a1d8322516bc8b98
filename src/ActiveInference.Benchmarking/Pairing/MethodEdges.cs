using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What one method's signature and body lead to directly in its build's assemblies under test.</summary>
/// <param name="Methods">The methods it calls, creates, takes the address or token of (generic instances as their definitions).</param>
/// <param name="Types">The types it names: declaring types, signatures, locals, casts, fields, generic arguments.</param>
/// <param name="Dispatch">Its virtual, interface and constrained calls.</param>
/// <param name="Uncertain">What it does that may run anything, or null.</param>
/// <param name="Problem">An assembly under test it refers to that could not be read, or null.</param>
internal sealed record MethodEdges(
    IReadOnlyList<MethodDefinition> Methods,
    IReadOnlyList<TypeDefinition> Types,
    IReadOnlyList<DispatchKey> Dispatch,
    string? Uncertain,
    string? Problem)
{
    /// <summary>Reads the edges of <paramref name="method"/> in <paramref name="build"/>.</summary>
    public static MethodEdges Of(MethodDefinition method, CodeBuild build)
    {
        var edges = new Collector(build);
        edges.Type(method.DeclaringType);
        edges.Type(method.ReturnType);
        foreach (var parameter in method.Parameters) edges.Type(parameter.ParameterType);
        foreach (var attribute in method.CustomAttributes) edges.Attribute(attribute);
        if (method.HasBody)
        {
            foreach (var variable in method.Body.Variables) edges.Type(variable.VariableType);
            foreach (var handler in method.Body.ExceptionHandlers)
                if (handler.CatchType is not null) edges.Type(handler.CatchType);
            Instruction? previous = null;
            foreach (var instruction in method.Body.Instructions)
            {
                var constrained = previous?.OpCode.Code == Code.Constrained;
                if (instruction.OpCode.Code == Code.Calli) edges.Uncertain ??= "an indirect call (calli)";
                switch (instruction.Operand)
                {
                    case MethodReference called:
                        edges.Method(called, instruction.OpCode.Code is Code.Callvirt or Code.Ldvirtftn, constrained);
                        break;
                    case FieldReference field:
                        edges.Type(field.DeclaringType);
                        edges.Type(field.FieldType);
                        break;
                    case TypeReference type:
                        edges.Type(type);
                        break;
                }
                previous = instruction;
            }
        }
        return new MethodEdges(edges.Methods, edges.Types, edges.Dispatch, edges.Uncertain, edges.Problem);
    }

    /// <summary>The type definitions under test that <paramref name="types"/> name (element types, generic arguments).</summary>
    public static MethodEdges OfTypes(IEnumerable<TypeReference> types, CodeBuild build)
    {
        var edges = new Collector(build);
        foreach (var type in types) edges.Type(type);
        return new MethodEdges([], edges.Types, [], edges.Uncertain, edges.Problem);
    }

    private sealed class Collector(CodeBuild build)
    {
        public List<MethodDefinition> Methods { get; } = [];
        public List<TypeDefinition> Types { get; } = [];
        public List<DispatchKey> Dispatch { get; } = [];
        public string? Uncertain { get; set; }
        public string? Problem { get; private set; }

        public void Method(MethodReference method, bool virtualCall, bool constrained)
        {
            Type(method.DeclaringType);
            Type(method.ReturnType);
            foreach (var parameter in method.Parameters) Type(parameter.ParameterType);
            if (method is GenericInstanceMethod generic)
                foreach (var argument in generic.GenericArguments) Type(argument);
            if (ReflectionCalls.Describe(method) is { } reflection) Uncertain ??= reflection;
            // Methods of array types (Get, Set, Address of T[,]) are the runtime's, whatever T is.
            if (method.DeclaringType is ArrayType || !UnderTest(method.DeclaringType))
            {
                if (virtualCall || constrained) Dispatch.Add(new DispatchKey(DispatchKey.SimpleName(method.Name), method.Parameters.Count, !method.HasThis));
                return;
            }
            var definition = Resolve(method);
            if (definition is null) return;
            Methods.Add(definition);
            if ((virtualCall || constrained) && definition.IsVirtual)
                Dispatch.Add(new DispatchKey(DispatchKey.SimpleName(definition.Name), definition.Parameters.Count, definition.IsStatic));
        }

        public void Attribute(CustomAttribute attribute)
        {
            if (UnderTest(attribute.AttributeType)) Method(attribute.Constructor, virtualCall: false, constrained: false);
        }

        public void Type(TypeReference type)
        {
            switch (type)
            {
                case GenericInstanceType generic:
                    Type(generic.ElementType);
                    foreach (var argument in generic.GenericArguments) Type(argument);
                    break;
                case FunctionPointerType pointer:
                    Type(pointer.ReturnType);
                    foreach (var parameter in pointer.Parameters) Type(parameter.ParameterType);
                    break;
                case TypeSpecification specification:
                    Type(specification.ElementType);
                    break;
                case GenericParameter:
                    break;
                default:
                    if (!UnderTest(type)) break;
                    TypeDefinition? definition = null;
                    try
                    {
                        definition = type.Resolve();
                    }
                    catch (Exception e) when (e is ResolutionException or AssemblyResolutionException)
                    {
                    }
                    if (definition is null) Unresolvable(type.FullName);
                    else Types.Add(definition);
                    break;
            }
        }

        private MethodDefinition? Resolve(MethodReference method)
        {
            MethodDefinition? definition = null;
            try
            {
                definition = method.Resolve();
            }
            catch (Exception e) when (e is ResolutionException or AssemblyResolutionException)
            {
            }
            if (definition is null) Unresolvable(method.FullName);
            return definition;
        }

        private bool UnderTest(TypeReference type)
        {
            var assembly = CodeBuild.AssemblyOf(type.GetElementType());
            if (assembly is null || !build.IsUnderTest(assembly)) return false;
            if (build.Assembly(assembly, out var problem) is null) Problem ??= problem;
            return problem is null;
        }

        private void Unresolvable(string member) => Uncertain ??= $"{member}, which cannot be resolved";
    }
}
