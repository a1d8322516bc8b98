using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>The assertions declared on one benchmark method: every attribute on it that is an <see cref="IBenchmarkAssertion"/>.</summary>
internal sealed class BenchmarkAssertions
{
    private readonly MethodInfo _method;

    private BenchmarkAssertions(MethodInfo method, IReadOnlyList<IBenchmarkAssertion> all)
    {
        _method = method;
        All = all;
    }

    /// <summary>The assertions on <paramref name="method"/>, in a stable order (by description).</summary>
    public static BenchmarkAssertions Of(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var all = method.GetCustomAttributes(inherit: true).OfType<IBenchmarkAssertion>()
            .OrderBy(a => a.Description, StringComparer.Ordinal).ToArray();
        return new BenchmarkAssertions(method, all);
    }

    /// <summary>Every assertion declared.</summary>
    public IReadOnlyList<IBenchmarkAssertion> All { get; }

    /// <summary>The names of the other benchmark methods to time beside this one, each once.</summary>
    public IReadOnlyList<string> ComparedMethods =>
        All.OfType<SpeedComparisonAttribute>().Select(a => a.Other).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The problems with the declarations, each naming the assertion; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate() => All.SelectMany(a => a.Validate(_method)).ToArray();

    /// <summary>
    /// Checks every assertion against the measured result; an assertion that throws counts as failed, with the
    /// exception's message.
    /// </summary>
    public IReadOnlyList<AssertionOutcome> Check(BenchmarkResult result, AssertionContext context) =>
        All.Select(a =>
        {
            try { return a.Check(result, context); }
            catch (Exception e) { return AssertionOutcome.Failed($"{a.Description}: threw {e.GetType().Name}: {e.Message}"); }
        }).ToArray();
}
