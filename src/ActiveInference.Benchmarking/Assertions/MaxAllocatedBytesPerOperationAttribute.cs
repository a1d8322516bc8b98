using System.Globalization;
using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Fails the benchmark when the median bytes allocated per call over the measured samples exceed <see cref="Bytes"/>,
/// e.g. <c>[MaxAllocatedBytesPerOperation(0)]</c>; a one-off allocation during warm-up does not count.
/// </summary>
public sealed class MaxAllocatedBytesPerOperationAttribute : BenchmarkAssertionAttribute
{
    /// <summary>Bytes per operation tolerated above the limit, for the rounding of bytes ÷ calls.</summary>
    public const double Tolerance = 0.01;

    /// <summary>Allows at most <paramref name="bytes"/> managed bytes per call.</summary>
    /// <param name="bytes">The limit in bytes per operation, ≥ 0 (0: allocation-free).</param>
    public MaxAllocatedBytesPerOperationAttribute(double bytes) => Bytes = bytes;

    /// <summary>The limit in bytes per operation.</summary>
    public double Bytes { get; }

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"MaxAllocatedBytesPerOperation({Bytes})");

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(MethodInfo benchmark) =>
        double.IsFinite(Bytes) && Bytes >= 0 ? [] : [$"{Description}: the limit must be a finite number of bytes ≥ 0"];

    /// <inheritdoc />
    public override AssertionOutcome Check(BenchmarkResult result, AssertionContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        var measured = result.AllocatedBytesPerOperation;
        var message = $"{Description}: {AssertionText.Bytes(measured)}/op allocated (median of {result.Time.N} samples × {result.OperationsPerSample} operations), allowed at most {AssertionText.Bytes(Bytes)}/op";
        if (double.IsNaN(measured)) return AssertionOutcome.Inconclusive(message);
        return measured <= Bytes + Tolerance ? AssertionOutcome.Passed(message) : AssertionOutcome.Failed(message);
    }
}
