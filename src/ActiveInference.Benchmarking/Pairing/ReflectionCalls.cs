using Mono.Cecil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>The calls after which a benchmark may run any code: reflection that invokes or creates, loading, compiling, dynamic.</summary>
internal static class ReflectionCalls
{
    private static readonly Dictionary<string, string[]> s_members = new(StringComparer.Ordinal)
    {
        ["System.Activator"] = ["CreateInstance", "CreateInstanceFrom"],
        ["System.Reflection.MethodBase"] = ["Invoke"],
        ["System.Reflection.MethodInfo"] = ["Invoke", "CreateDelegate"],
        ["System.Reflection.ConstructorInfo"] = ["Invoke"],
        ["System.Reflection.PropertyInfo"] = ["GetValue", "SetValue"],
        ["System.Reflection.EventInfo"] = ["AddEventHandler", "RemoveEventHandler"],
        ["System.Reflection.Assembly"] = ["Load", "LoadFrom", "LoadFile", "LoadWithPartialName", "UnsafeLoadFrom", "CreateInstance", "GetType"],
        ["System.Runtime.Loader.AssemblyLoadContext"] = ["LoadFromAssemblyPath", "LoadFromAssemblyName", "LoadFromStream", "LoadFromNativeImagePath"],
        ["System.AppDomain"] = ["CreateInstance", "CreateInstanceAndUnwrap", "CreateInstanceFrom", "CreateInstanceFromAndUnwrap", "Load", "ExecuteAssembly", "ExecuteAssemblyByName"],
        ["System.Delegate"] = ["DynamicInvoke", "CreateDelegate"],
        ["System.Type"] = ["InvokeMember", "GetType"],
        ["System.Linq.Expressions.Expression`1"] = ["Compile"],
        ["System.Linq.Expressions.LambdaExpression"] = ["Compile", "CompileToMethod"],
    };

    private static readonly string[] s_namespaces = ["Microsoft.CSharp.RuntimeBinder", "System.Reflection.Emit"];

    /// <summary>How messages name <paramref name="method"/> when calling it may run anything, e.g. <c>reflection (Activator.CreateInstance)</c>; else null.</summary>
    public static string? Describe(MethodReference method)
    {
        var type = method.DeclaringType.GetElementType();
        var outer = type;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        if (s_namespaces.Contains(outer.Namespace, StringComparer.Ordinal) || type.FullName.StartsWith("System.Runtime.CompilerServices.CallSite", StringComparison.Ordinal))
            return $"dynamic code ({type.Name}.{method.Name})";
        if (!s_members.TryGetValue(type.FullName, out var names) || !names.Contains(method.Name, StringComparer.Ordinal)) return null;
        if (method.Name == "GetType" && (method.Parameters.Count == 0 || method.Parameters[0].ParameterType.FullName != "System.String")) return null;
        return $"reflection ({type.Name.Split('`')[0]}.{method.Name})";
    }
}
