using System.Globalization;

namespace ActiveInference.Benchmarking.Gate;

/// <summary>
/// The one rule both gates apply to bytes per operation: more than the baseline's × (1 + relative) + bytes is a
/// regression, whatever the time says (allocations do not drift with the machine).
/// </summary>
internal static class AllocationRegression
{
    /// <summary>What the regression is, or null when <paramref name="currentBytes"/> is within the allowance.</summary>
    /// <param name="baselineBytes">The baseline's bytes per operation.</param>
    /// <param name="currentBytes">The current code's bytes per operation.</param>
    /// <param name="relativeTolerance">Relative increase tolerated (0.05 = 5%).</param>
    /// <param name="bytesTolerance">Bytes per operation tolerated on top of it.</param>
    public static string? Describe(double baselineBytes, double currentBytes, double relativeTolerance, double bytesTolerance)
    {
        var allowed = baselineBytes * (1 + relativeTolerance) + bytesTolerance;
        return currentBytes > allowed
            ? string.Create(CultureInfo.InvariantCulture, $"allocates more: {baselineBytes:0.##} B/op → {currentBytes:0.##} B/op (allowed up to {allowed:0.##} B/op)")
            : null;
    }
}
