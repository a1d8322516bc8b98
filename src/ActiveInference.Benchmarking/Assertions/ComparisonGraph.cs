using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>The relative-speed declarations of a fixture as a graph (method → compared methods), to find cycles.</summary>
internal static class ComparisonGraph
{
    private const BindingFlags AnyMethod = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>
    /// A cycle of comparisons that leads from <paramref name="benchmark"/> back to it, as method names (first = last),
    /// or null when there is none.
    /// </summary>
    public static IReadOnlyList<string>? CycleFrom(MethodInfo benchmark)
    {
        var edges = benchmark.DeclaringType!.GetMethods(AnyMethod)
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(m => m.GetCustomAttributes<SpeedComparisonAttribute>(false)).Select(a => a.Other).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string> { benchmark.Name };
        return Search(benchmark.Name) ? path : null;

        bool Search(string from)
        {
            if (!edges.TryGetValue(from, out var targets)) return false;
            foreach (var to in targets)
            {
                if (to == benchmark.Name)
                {
                    path.Add(to);
                    return true;
                }
                if (!visited.Add(to)) continue;
                path.Add(to);
                if (Search(to)) return true;
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }
    }
}
