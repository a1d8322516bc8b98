using System.Globalization;
using ActiveInference.Benchmarking.Formatting;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// A minimum throughput in operations per second (10⁹ ÷ median ns/op), enforced only on the machine profile <see
/// cref="AbsoluteTimeAttribute.Profile"/> (inconclusive elsewhere).
/// </summary>
/// <example><c>[MinThroughput(OperationsPerSecond = 1e6, Profile = "3f9a0c12ab45")]</c></example>
public sealed class MinThroughputAttribute : AbsoluteTimeAttribute
{
    /// <summary>The smallest allowed throughput in operations per second, &gt; 0.</summary>
    public double OperationsPerSecond { get; set; } = double.NaN;

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"MinThroughput(OperationsPerSecond = {OperationsPerSecond}, Profile = \"{Profile}\")");

    /// <inheritdoc />
    protected override IEnumerable<string> ValidateLimit()
    {
        if (!(double.IsFinite(OperationsPerSecond) && OperationsPerSecond > 0))
            yield return "OperationsPerSecond must be a positive number";
    }

    /// <inheritdoc />
    protected override AssertionOutcome CheckOnProfile(BenchmarkResult result)
    {
        var median = result.Time.Median;
        var throughput = median > 0 ? 1e9 / median : double.PositiveInfinity;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{Description}: {AssertionText.Rate(throughput)} operations/s (median {Readable.Time(median)}/op), allowed at least {AssertionText.Rate(OperationsPerSecond)} operations/s on profile {Profile}");
        if (double.IsNaN(median)) return AssertionOutcome.Inconclusive(message);
        return throughput >= OperationsPerSecond ? AssertionOutcome.Passed(message) : AssertionOutcome.Failed(message);
    }
}
