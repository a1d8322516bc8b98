using System.Collections;
using System.Globalization;
using System.Reflection;
using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>Which other benchmark methods run beside one case as companions, for its relative-speed assertions.</summary>
internal sealed class ComparisonPlan
{
    private readonly IReadOnlyList<PlannedComparison> _planned;

    private ComparisonPlan(IReadOnlyList<PlannedComparison> planned) => _planned = planned;

    /// <summary>No comparisons.</summary>
    public static ComparisonPlan None { get; } = new([]);

    /// <summary>The workloads for the engine to time after every measured sample, in order.</summary>
    public IReadOnlyList<ISideWorkload> Companions => _planned.Where(p => p.Companion is not null).Select(p => p.Companion!).ToArray();

    /// <summary>
    /// Plans the comparisons of one case: each other method runs with no arguments or with this case's (if it declares
    /// that case), else the comparison says why; throws <see cref="ArgumentException"/> for a method that cannot be compared.
    /// </summary>
    /// <param name="fixture">The fixture instance the benchmark runs on, or null for static methods.</param>
    /// <param name="benchmark">The benchmark method.</param>
    /// <param name="arguments">This case's arguments.</param>
    /// <param name="others">Names of the methods to compare with.</param>
    /// <param name="declaredCases">The argument lists of the cases a method of the fixture declares, or null when unknown.</param>
    public static ComparisonPlan Create(object? fixture, MethodInfo benchmark, object?[] arguments, IEnumerable<string> others,
        Func<string, IReadOnlyList<object?[]>?> declaredCases)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(declaredCases);
        var planned = new List<PlannedComparison>();
        foreach (var name in others)
        {
            var (method, error) = ComparedMethod.Find(benchmark, name);
            if (method is null) throw new ArgumentException($"{benchmark.Name} compared with {name}: {error}", nameof(others));
            var callWith = method.GetParameters().Length == 0
                ? []
                : declaredCases(name)?.FirstOrDefault(c => SameArguments(c, arguments));
            var caseName = $"{name}({Format(method.GetParameters().Length == 0 ? [] : arguments)})";
            if (callWith is null)
            {
                planned.Add(new PlannedComparison(name, caseName, null, $"{name} declares no case with the arguments ({Format(arguments)}), so it was not run beside this case"));
                continue;
            }
            var workload = WorkloadFactory.Create(method.IsStatic ? null : fixture, method, callWith);
            planned.Add(new PlannedComparison(name, caseName, new CompanionWorkload(caseName, workload), null));
        }
        return new ComparisonPlan(planned);
    }

    /// <summary>
    /// The per-sample time ratios (benchmark ÷ other) of each planned comparison, from the engine's run of <see
    /// cref="Companions"/>.
    /// </summary>
    public IReadOnlyList<SpeedComparison> Pair(EngineRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var measured = run.Measured;
        var comparisons = new List<SpeedComparison>(_planned.Count);
        var k = 0;
        foreach (var p in _planned)
        {
            if (p.Companion is null)
            {
                comparisons.Add(new SpeedComparison(p.Method, p.Case, [], p.Reason));
                continue;
            }
            var other = k < run.Companions.Count ? run.Companions[k].NanosecondsPerOperation : [];
            k++;
            var count = Math.Min(measured.Count, other.Count);
            var ratios = new double[count];
            for (var i = 0; i < count; i++) ratios[i] = measured[i].NanosecondsPerOperation / other[i];
            comparisons.Add(new SpeedComparison(p.Method, p.Case, ratios));
        }
        return comparisons;
    }

    private static bool SameArguments(object?[] declared, object?[] arguments) =>
        declared.Length == arguments.Length
        && declared.Zip(arguments).All(pair => StructuralComparisons.StructuralEqualityComparer.Equals(pair.First, pair.Second));

    private static string Format(object?[] arguments) => string.Join(", ", arguments.Select(a => a switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => a.ToString(),
    }));

    private sealed record PlannedComparison(string Method, string Case, ISideWorkload? Companion, string? Reason);
}
