namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// What both sides of a paired process share from the default load context: this framework, NUnit and the test
/// platform. Their types cross between the framework and every copy, so they cannot be loaded per side; they are the
/// measuring tool, not the code under test.
/// </summary>
internal static class Harness
{
    /// <summary>The framework's own assembly name.</summary>
    public static readonly string Framework = typeof(PerfBenchmarkAttribute).Assembly.GetName().Name!;

    private static readonly string[] s_exact = ["NUnit", "NUnit3TestAdapter", "Microsoft.NET.Test.Sdk", "Microsoft.CodeCoverage", "Microsoft.ApplicationInsights"];
    private static readonly string[] s_prefixes = ["NUnit.", "Microsoft.TestPlatform.", "Microsoft.Testing."];

    /// <summary>True when the NuGet package (or project) <paramref name="name"/> is shared by both sides.</summary>
    public static bool Contains(string name) =>
        name.Equals(Framework, StringComparison.OrdinalIgnoreCase)
        || s_exact.Any(e => name.Equals(e, StringComparison.OrdinalIgnoreCase))
        || s_prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
