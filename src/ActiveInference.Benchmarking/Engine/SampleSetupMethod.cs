using System.Reflection;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>Binds the untimed per-sample set-up that <see cref="PerfBenchmarkAttribute.SampleSetup"/> names.</summary>
internal static class SampleSetupMethod
{
    /// <summary>
    /// The delegate for the parameterless fixture method <paramref name="name"/>; null when no name is given. Throws
    /// <see cref="ArgumentException"/> when there is no such method.
    /// </summary>
    public static Action? Bind(string? name, MethodInfo method, object? fixture)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var type = method.DeclaringType!;
        var setup = type.GetMethod(name, BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)
            ?? throw new ArgumentException($"SampleSetup = \"{name}\": no parameterless method of that name on {type.Name}");
        return setup.IsStatic
            ? setup.CreateDelegate<Action>()
            : setup.CreateDelegate<Action>(fixture ?? throw new ArgumentException($"SampleSetup = \"{name}\" is an instance method but the fixture has no instance"));
    }
}
