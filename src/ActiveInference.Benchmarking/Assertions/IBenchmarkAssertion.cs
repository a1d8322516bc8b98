using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// A limit a benchmark declares beside <c>[PerfBenchmark]</c>, checked after measurement; a failure fails the test
/// whatever the gate said.
/// </summary>
public interface IBenchmarkAssertion
{
    /// <summary>A short description of the assertion as declared, e.g. <c>MaxAllocatedBytesPerOperation(0)</c>.</summary>
    string Description { get; }

    /// <summary>
    /// The problems with the declaration on <paramref name="benchmark"/> (bad values, missing or circular references),
    /// each naming the fix; empty when valid. Checked before anything is measured.
    /// </summary>
    IReadOnlyList<string> Validate(MethodInfo benchmark);

    /// <summary>Checks the measured <paramref name="result"/>; the message shows measured versus allowed.</summary>
    AssertionOutcome Check(BenchmarkResult result, AssertionContext context);
}
