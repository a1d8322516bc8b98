using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Hashes of what the runtime compiles and lays out, normalised so that two builds of the same source in different
/// folders hash alike: members by full name, branch targets by instruction index, attributes by constructor and value
/// blob; debug information, MVIDs and version attributes left out.
/// </summary>
internal static class CodeDigest
{
    // Assembly- and module-level attributes that change code generation; the others (versions, metadata) are left out.
    private static readonly HashSet<string> s_codegenAttributes = new(StringComparer.Ordinal)
    {
        "System.Diagnostics.DebuggableAttribute",
        "System.Runtime.CompilerServices.SkipLocalsInitAttribute",
        "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute",
        "System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
        "System.Runtime.CompilerServices.DisableRuntimeMarshallingAttribute",
        "System.Security.UnverifiableCodeAttribute",
    };

    /// <summary>The key a method is looked up by in the other build: its full name and generic arity.</summary>
    public static string Key(MethodDefinition method) => $"{method.FullName}`{method.GenericParameters.Count}";

    /// <summary>Hash of a method: flags, signature, attributes and its body (instructions, locals, exception handlers).</summary>
    public static string Of(MethodDefinition method)
    {
        var text = new StringBuilder();
        text.Append(method.Attributes).Append('|').Append(method.ImplAttributes).Append('|').Append(method.CallingConvention)
            .Append('|').Append(method.ReturnType.FullName);
        Attributes(text, method.MethodReturnType.CustomAttributes);
        foreach (var parameter in method.Parameters)
        {
            text.Append("|p ").Append(parameter.ParameterType.FullName).Append(' ').Append(parameter.Attributes);
            if (parameter.HasConstant) text.Append('=').Append(Value(parameter.Constant));
            Attributes(text, parameter.CustomAttributes);
        }
        GenericParameters(text, method.GenericParameters);
        Attributes(text, method.CustomAttributes);
        foreach (var overridden in method.Overrides) text.Append("|o ").Append(overridden.FullName);
        if (method.HasPInvokeInfo)
            text.Append("|pinvoke ").Append(method.PInvokeInfo.Module.Name).Append(' ').Append(method.PInvokeInfo.EntryPoint).Append(' ').Append(method.PInvokeInfo.Attributes);
        if (method.HasBody) Body(text, method.Body);
        return Hash(text);
    }

    /// <summary>
    /// Hash of a type's shape: flags and layout, base type, interfaces, attributes, fields in order (type, offset, data),
    /// whether it has a static constructor and which virtual methods it has, in order.
    /// </summary>
    public static string Of(TypeDefinition type)
    {
        var text = new StringBuilder();
        text.Append(type.Attributes).Append('|').Append(type.BaseType?.FullName).Append('|').Append(type.PackingSize).Append('|').Append(type.ClassSize);
        foreach (var implemented in type.Interfaces)
        {
            text.Append("|i ").Append(implemented.InterfaceType.FullName);
            Attributes(text, implemented.CustomAttributes);
        }
        GenericParameters(text, type.GenericParameters);
        Attributes(text, type.CustomAttributes);
        foreach (var field in type.Fields)
        {
            text.Append("|f ").Append(field.Name).Append(' ').Append(field.FieldType.FullName).Append(' ').Append(field.Attributes);
            if (field.HasLayoutInfo) text.Append(" @").Append(field.Offset);
            if (field.HasConstant) text.Append('=').Append(Value(field.Constant));
            if (field.Attributes.HasFlag(FieldAttributes.HasFieldRVA)) text.Append(" rva ").Append(Convert.ToHexString(field.InitialValue));
            if (field.HasMarshalInfo) text.Append(" marshal ").Append(field.MarshalInfo.NativeType);
            Attributes(text, field.CustomAttributes);
        }
        text.Append("|cctor ").Append(type.Methods.Any(m => m.IsConstructor && m.IsStatic));
        foreach (var method in type.Methods)
            if (method.IsVirtual) text.Append("|virtual ").Append(Key(method));
        return Hash(text);
    }

    /// <summary>
    /// Hash of what an assembly's own headers and attributes tell the runtime about compiling it, and of the resources
    /// embedded in it (data its code may read).
    /// </summary>
    public static string Of(AssemblyDefinition assembly)
    {
        var module = assembly.MainModule;
        var text = new StringBuilder();
        text.Append(module.Architecture).Append('|').Append(module.Attributes).Append('|').Append(module.Characteristics).Append('|').Append(module.Runtime);
        Attributes(text, assembly.CustomAttributes.Where(a => s_codegenAttributes.Contains(a.AttributeType.FullName)));
        Attributes(text, module.CustomAttributes.Where(a => s_codegenAttributes.Contains(a.AttributeType.FullName)));
        foreach (var resource in module.Resources)
        {
            text.Append("|r ").Append(resource.Name).Append(' ').Append(resource.ResourceType);
            if (resource is EmbeddedResource embedded) text.Append(' ').Append(Convert.ToHexString(SHA256.HashData(embedded.GetResourceData())));
        }
        return Hash(text);
    }

    private static void Body(StringBuilder text, MethodBody body)
    {
        text.Append("|body ").Append(body.MaxStackSize).Append(body.InitLocals ? " init" : "");
        foreach (var variable in body.Variables) text.Append("|v ").Append(variable.VariableType.FullName);
        var instructions = body.Instructions;
        var index = new Dictionary<int, int>(instructions.Count);
        for (var i = 0; i < instructions.Count; i++) index[instructions[i].Offset] = i;
        int At(Instruction? instruction) => instruction is null ? instructions.Count : index[instruction.Offset];
        foreach (var instruction in instructions)
        {
            text.Append('\n').Append((int)instruction.OpCode.Code);
            switch (instruction.Operand)
            {
                case null: break;
                case Instruction target: text.Append(" @").Append(At(target)); break;
                case Instruction[] targets:
                    foreach (var target in targets) text.Append(" @").Append(At(target));
                    break;
                case VariableDefinition variable: text.Append(" v").Append(variable.Index); break;
                case ParameterDefinition parameter: text.Append(" a").Append(parameter.Index); break;
                case TypeReference type: text.Append(' ').Append(type.FullName).Append(" in ").Append(CodeBuild.AssemblyOf(type.GetElementType())); break;
                case MemberReference member:
                    text.Append(' ').Append(member.FullName).Append(" in ").Append(CodeBuild.AssemblyOf(member.DeclaringType.GetElementType()));
                    break;
                case CallSite site: text.Append(" calli ").Append(site.FullName); break;
                case string value: text.Append(" s").Append(value.Length).Append(':').Append(value); break;
                case var value: text.Append(' ').Append(Value(value)); break;
            }
        }
        foreach (var handler in body.ExceptionHandlers)
        {
            text.Append("|eh ").Append(handler.HandlerType).Append(' ').Append(At(handler.TryStart)).Append(' ').Append(At(handler.TryEnd))
                .Append(' ').Append(At(handler.HandlerStart)).Append(' ').Append(At(handler.HandlerEnd)).Append(' ').Append(handler.CatchType?.FullName);
            if (handler.FilterStart is not null) text.Append(" filter ").Append(At(handler.FilterStart));
        }
    }

    private static void GenericParameters(StringBuilder text, IEnumerable<GenericParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            text.Append("|g ").Append(parameter.Attributes);
            foreach (var constraint in parameter.Constraints) text.Append(' ').Append(constraint.ConstraintType.FullName);
        }
    }

    private static void Attributes(StringBuilder text, IEnumerable<CustomAttribute> attributes)
    {
        foreach (var attribute in attributes)
            text.Append("|ca ").Append(attribute.Constructor.FullName).Append(' ').Append(Convert.ToHexString(attribute.GetBlob()));
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IFormattable formattable => formattable.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Hash(StringBuilder text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
}
