using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>Binds the untimed per-case set-up that <see cref="PerfBenchmarkAttribute.Setup"/> names.</summary>
internal static class CaseSetupMethod
{
    /// <summary>
    /// A call of the fixture method <paramref name="name"/> with the case's <paramref name="arguments"/>; null when no name
    /// is given. Throws <see cref="ArgumentException"/> when there is no such method.
    /// </summary>
    public static Action? Bind(string? name, MethodInfo method, object? fixture, object?[] arguments)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var type = method.DeclaringType!;
        var parameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var signature = $"{name}({string.Join(", ", parameterTypes.Select(t => t.Name))})";
        var setup = type.GetMethod(name, BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, parameterTypes)
            ?? throw new ArgumentException($"Setup = \"{name}\": {type.Name} has no method {signature}; the set-up takes the benchmark's parameters");
        if (!setup.IsStatic && fixture is null)
            throw new ArgumentException($"Setup = \"{name}\" is an instance method but the fixture has no instance");
        var target = setup.IsStatic ? null : fixture;
        return () =>
        {
            try
            {
                setup.Invoke(target, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        };
    }
}
