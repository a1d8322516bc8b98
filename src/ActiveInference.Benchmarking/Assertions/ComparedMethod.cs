using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>Finds the other method of a relative-speed assertion and says why it cannot be compared, if it cannot.</summary>
internal static class ComparedMethod
{
    private const BindingFlags AnyMethod = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>
    /// The method named <paramref name="other"/> on <paramref name="benchmark"/>'s fixture, or the reason it cannot be
    /// compared with it.
    /// </summary>
    public static (MethodInfo? Method, string? Error) Find(MethodInfo benchmark, string? other)
    {
        var fixture = benchmark.DeclaringType!;
        if (string.IsNullOrWhiteSpace(other))
            return (null, "name the other benchmark method (use nameof)");
        if (other == benchmark.Name)
            return (null, $"{benchmark.Name} cannot be compared with itself; name another benchmark of {fixture.Name}");
        var candidates = fixture.GetMethods(AnyMethod).Where(m => m.Name == other).ToArray();
        if (candidates.Length == 0)
            return (null, $"{fixture.Name} has no method named \"{other}\" (a compared method must be a [PerfBenchmark] of the same fixture)");
        if (candidates.Length > 1)
            return (null, $"\"{other}\" is overloaded on {fixture.Name}; compare with a method that has a single overload");
        var method = candidates[0];
        var problem = ShapeProblem(benchmark, method);
        return problem is null ? (method, null) : (null, problem);
    }

    private static string? ShapeProblem(MethodInfo benchmark, MethodInfo other)
    {
        var attribute = other.GetCustomAttribute<PerfBenchmarkAttribute>();
        if (attribute is null)
            return $"{other.Name} is not a [PerfBenchmark] method; compare only with benchmarks of the same fixture";
        if (other.ContainsGenericParameters)
            return $"{other.Name} is generic and cannot be benchmarked";
        if (typeof(Task).IsAssignableFrom(other.ReturnType) || other.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal))
            return $"{other.Name} is asynchronous and cannot be benchmarked";
        var parameters = other.GetParameters();
        if (parameters.Any(p => p.ParameterType.IsByRef))
            return $"{other.Name} has ref, out or in parameters and cannot be benchmarked";
        if (!string.IsNullOrWhiteSpace(attribute.SampleSetup))
            return $"{other.Name} needs a per-sample setup (SampleSetup = \"{attribute.SampleSetup}\"), so it cannot be timed back to back beside {benchmark.Name}";
        var own = benchmark.GetParameters().Select(p => p.ParameterType).ToArray();
        if (parameters.Length > 0 && !parameters.Select(p => p.ParameterType).SequenceEqual(own))
            return $"{other.Name}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))}) cannot take the arguments of {benchmark.Name}({string.Join(", ", own.Select(t => t.Name))}); a compared method takes no parameters or the same parameter types";
        return null;
    }
}
