using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>Base of the assertion attributes: an attribute on a <c>[PerfBenchmark]</c> method that is an <see cref="IBenchmarkAssertion"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public abstract class BenchmarkAssertionAttribute : Attribute, IBenchmarkAssertion
{
    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Validate(MethodInfo benchmark) => [];

    /// <inheritdoc />
    public abstract AssertionOutcome Check(BenchmarkResult result, AssertionContext context);
}
