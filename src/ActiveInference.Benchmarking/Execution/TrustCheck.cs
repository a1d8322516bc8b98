using System.Diagnostics;
using System.Reflection;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>Finds what makes a measurement untrustworthy (debugger attached, unoptimised assemblies); such numbers are never gated.</summary>
internal static class TrustCheck
{
    /// <summary>The reasons not to trust a measurement of code in <paramref name="benchmarkAssembly"/>; empty when there are none.</summary>
    public static IReadOnlyList<string> Inspect(Assembly benchmarkAssembly, bool debuggerAttached)
    {
        var issues = new List<string>();
        if (debuggerAttached) issues.Add("a debugger is attached");
        foreach (var assembly in AssembliesUnderTest(benchmarkAssembly))
            if (IsJitOptimizerDisabled(assembly))
                issues.Add($"{assembly.GetName().Name} is compiled without optimisation (build with -c Release)");
        return issues;
    }

    /// <summary>The same check for the running process.</summary>
    public static IReadOnlyList<string> Inspect(Assembly benchmarkAssembly) => Inspect(benchmarkAssembly, Debugger.IsAttached);

    /// <summary>Whether the assembly was compiled with the JIT optimiser disabled (a Debug build).</summary>
    public static bool IsJitOptimizerDisabled(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;

    private static IEnumerable<Assembly> AssembliesUnderTest(Assembly benchmarkAssembly)
    {
        yield return benchmarkAssembly;
        var directory = Path.GetDirectoryName(benchmarkAssembly.Location);
        if (string.IsNullOrEmpty(directory)) yield break;
        foreach (var name in benchmarkAssembly.GetReferencedAssemblies())
        {
            if (!File.Exists(Path.Combine(directory, name.Name + ".dll")) || IsThirdParty(name.Name)) continue;
            Assembly? referenced = null;
            try { referenced = Assembly.Load(name); }
            catch (IOException) { }
            catch (BadImageFormatException) { }
            if (referenced is not null) yield return referenced;
        }
    }

    private static bool IsThirdParty(string? name) =>
        name is null || name.StartsWith("nunit", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("MathNet.", StringComparison.Ordinal);
}
