using Mono.Cecil;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Tells, per benchmark, whether anything it can execute differs between the baseline's and the current build of a perf
/// test project: reachability over the current build's IL from the benchmark's roots, every reached method and type
/// compared by normalised IL and layout with the baseline's of the same name. Reflection, <c>dynamic</c>, <c>calli</c>
/// or an unresolvable member count as reaching everything: then only a build whose every type and method is identical
/// passes as unchanged. Packages and the runtime are <see cref="BuildDifference"/>'s part. Opened once per run; the
/// assemblies are read (never loaded) once, and digests and answers are cached.
/// </summary>
internal sealed class ReachableCode : IDisposable
{
    private readonly CodeBuild _baseline;
    private readonly CodeBuild _current;
    private readonly CodeWalk _walk;
    private readonly CodeWalk _baselineWalk;
    private readonly Dictionary<string, CodeChange> _changes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private (List<string> Differences, int Methods)? _wholeBuild;

    private ReachableCode(CodeBuild baseline, CodeBuild current)
    {
        _baseline = baseline;
        _current = current;
        _walk = new CodeWalk(current);
        _baselineWalk = new CodeWalk(baseline);
    }

    /// <summary>
    /// Opens the builds in <paramref name="baselineDirectory"/> and <paramref name="currentDirectory"/> of the perf test
    /// assembly <paramref name="entryAssembly"/> (a file name); never throws: what cannot be read is said by <see cref="Compare"/>.
    /// </summary>
    public static ReachableCode Open(string baselineDirectory, string currentDirectory, string entryAssembly) =>
        new(CodeBuild.Open(Side.Baseline, baselineDirectory, entryAssembly), CodeBuild.Open(Side.Current, currentDirectory, entryAssembly));

    /// <summary>
    /// Whether the benchmark <paramref name="methodName"/> of <paramref name="fixtureTypeFullName"/> (reflection's or
    /// Cecil's form of the name), with the set-ups its attribute names, can execute anything that differs.
    /// </summary>
    public CodeChange Compare(string fixtureTypeFullName, string methodName, string? setupMethodName, string? sampleSetupMethodName)
    {
        var key = $"{fixtureTypeFullName}\n{methodName}\n{setupMethodName}\n{sampleSetupMethodName}";
        lock (_lock)
        {
            if (_changes.TryGetValue(key, out var change)) return change;
            try
            {
                change = CompareUncached(fixtureTypeFullName, methodName, setupMethodName, sampleSetupMethodName);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Metadata Cecil cannot follow: the benchmark is measured, never passed unmeasured.
                change = new CodeChange(false, $"its code cannot be compared ({e.GetType().Name}: {e.Message})");
            }
            return _changes[key] = change;
        }
    }

    /// <summary>Closes both builds' assemblies.</summary>
    public void Dispose()
    {
        _baseline.Dispose();
        _current.Dispose();
    }

    private CodeChange CompareUncached(string fixtureTypeFullName, string methodName, string? setupMethodName, string? sampleSetupMethodName)
    {
        if ((_current.Problem ?? _baseline.Problem) is { } unreadable) return new CodeChange(false, unreadable);
        var roots = BenchmarkRoots.Find(_current, fixtureTypeFullName, methodName, setupMethodName, sampleSetupMethodName);
        if (roots.Problem is not null) return new CodeChange(false, roots.Problem);
        var baselineRoots = BenchmarkRoots.Find(_baseline, fixtureTypeFullName, methodName, setupMethodName, sampleSetupMethodName);
        if (baselineRoots.Problem is not null) return new CodeChange(false, baselineRoots.Problem);

        var reach = _walk.Walk(roots.Methods, roots.Types);
        if (reach.Problem is not null) return new CodeChange(false, reach.Problem);

        var differences = new List<string>();
        var rootKeys = roots.Methods.Select(Identity).ToHashSet(StringComparer.Ordinal);
        foreach (var root in baselineRoots.Methods)
            if (!rootKeys.Contains(Identity(root))) differences.Add($"{Name(root)} is only in the baseline ({AssemblyName(root.DeclaringType)})");
        foreach (var assembly in reach.Types.Select(t => t.Module.Assembly).Distinct())
        {
            if (_baseline.Assembly(assembly.Name.Name, out var problem) is not { } baseline) return new CodeChange(false, problem!);
            if (_baseline.Digest(baseline) != _current.Digest(assembly))
                differences.Add($"{assembly.Name.Name}'s build settings or embedded resources differ");
        }
        foreach (var method in reach.Methods) CompareMethod(method, differences);
        foreach (var type in reach.Types) CompareType(type, differences);
        foreach (var dispatch in reach.Dispatch)
            foreach (var answer in _baselineWalk.Answers(dispatch))
                if (!HasCounterpart(answer)) differences.Add($"{Name(answer)} is only in the baseline ({AssemblyName(answer.DeclaringType)})");

        var uncertain = reach.Uncertain ?? roots.Uncertain;
        if (uncertain is not null)
        {
            var (whole, methods) = _wholeBuild ??= CompareWholeBuild();
            var assemblies = string.Join(", ", _current.Names);
            return whole.Count == 0
                ? new CodeChange(true, $"it reaches {uncertain}, so it may run anything; all {methods} methods of {assemblies} are identical in both builds")
                : new CodeChange(false, $"it reaches {uncertain}, so it may run anything, and {Summary(whole)}");
        }
        if (differences.Count > 0) return new CodeChange(false, Summary(differences));
        var reached = reach.Methods.Count - roots.Methods.Count;
        var names = string.Join(", ", reach.Methods.Select(m => AssemblyName(m.DeclaringType)).Distinct().Order(StringComparer.Ordinal));
        return new CodeChange(true, reached == 0
            ? $"its method and set-ups reach nothing else in {names} and are identical in both builds"
            : $"its method, set-ups and the {reached} methods they reach in {names} are identical in both builds");
    }

    private void CompareType(TypeDefinition type, List<string> differences)
    {
        var assembly = AssemblyName(type);
        var baseline = _baseline.Type(assembly, type.FullName);
        if (baseline is null) differences.Add($"{Name(type)} is not in the baseline ({assembly})");
        else if (_baseline.Digest(baseline) != _current.Digest(type)) differences.Add($"the type {Name(type)} differs ({assembly})");
    }

    private void CompareMethod(MethodDefinition method, List<string> differences)
    {
        var assembly = AssemblyName(method.DeclaringType);
        var type = _baseline.Type(assembly, method.DeclaringType.FullName);
        var baseline = type is null ? null : _baseline.Method(type, CodeDigest.Key(method));
        if (baseline is null) differences.Add($"{Name(method)} is not in the baseline ({assembly})");
        else if (_baseline.Digest(baseline) != _current.Digest(method)) differences.Add($"{Name(method)} differs ({assembly})");
    }

    private bool HasCounterpart(MethodDefinition baselineMethod)
    {
        var assembly = AssemblyName(baselineMethod.DeclaringType);
        if (!_current.IsUnderTest(assembly)) return false;
        var type = _current.Type(assembly, baselineMethod.DeclaringType.FullName);
        return type is not null && _current.Method(type, CodeDigest.Key(baselineMethod)) is not null;
    }

    // Every type and method of every assembly under test, both ways: what a benchmark that may run anything can reach.
    private (List<string> Differences, int Methods) CompareWholeBuild()
    {
        var differences = new List<string>();
        var methods = 0;
        foreach (var name in _current.Names.Union(_baseline.Names, StringComparer.OrdinalIgnoreCase))
        {
            var current = _current.Assembly(name, out var currentProblem);
            var baseline = _baseline.Assembly(name, out var baselineProblem);
            if (current is null || baseline is null)
            {
                differences.Add(currentProblem ?? baselineProblem!);
                continue;
            }
            if (_current.Digest(current) != _baseline.Digest(baseline)) differences.Add($"{name}'s build settings or embedded resources differ");
            var baselineTypes = baseline.MainModule.GetTypes().ToDictionary(t => t.FullName, StringComparer.Ordinal);
            foreach (var type in current.MainModule.GetTypes())
            {
                if (!baselineTypes.Remove(type.FullName, out var before))
                {
                    differences.Add($"{Name(type)} is not in the baseline ({name})");
                    continue;
                }
                if (_current.Digest(type) != _baseline.Digest(before)) differences.Add($"the type {Name(type)} differs ({name})");
                var beforeMethods = before.Methods.Select(CodeDigest.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var method in type.Methods)
                {
                    methods++;
                    var counterpart = _baseline.Method(before, CodeDigest.Key(method));
                    beforeMethods.Remove(CodeDigest.Key(method));
                    if (counterpart is null) differences.Add($"{Name(method)} is not in the baseline ({name})");
                    else if (_current.Digest(method) != _baseline.Digest(counterpart)) differences.Add($"{Name(method)} differs ({name})");
                }
                if (beforeMethods.Count > 0) differences.Add($"{Name(type)} has methods only in the baseline ({name})");
            }
            foreach (var type in baselineTypes.Values) differences.Add($"{Name(type)} is only in the baseline ({name})");
        }
        return (differences, methods);
    }

    private static string Summary(List<string> differences) =>
        differences.Count == 1 ? differences[0] : $"{differences[0]}, and {differences.Count - 1} more";

    private static string Identity(MethodDefinition method) => $"{AssemblyName(method.DeclaringType)}!{CodeDigest.Key(method)}";

    private static string AssemblyName(TypeDefinition type) => type.Module.Assembly.Name.Name;

    // How messages name a type: nested types after their outer types' names, without generic arity.
    private static string Name(TypeDefinition type)
    {
        var name = type.Name.Split('`')[0];
        return type.DeclaringType is null ? name : $"{Name(type.DeclaringType)}.{name}";
    }

    private static string Name(MethodDefinition method) => method.Name switch
    {
        ".ctor" => $"{Name(method.DeclaringType)}'s constructor",
        ".cctor" => $"{Name(method.DeclaringType)}'s static constructor",
        _ => $"{Name(method.DeclaringType)}.{method.Name}",
    };
}
