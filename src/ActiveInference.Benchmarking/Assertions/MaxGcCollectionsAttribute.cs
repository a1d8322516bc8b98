using System.Globalization;
using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Fails the benchmark when collections of <see cref="Generation"/> exceed <see cref="PerThousandOperations"/> per 1
/// 000 calls; the default allows no generation-2 collection.
/// </summary>
public sealed class MaxGcCollectionsAttribute : BenchmarkAssertionAttribute
{
    /// <summary>The generation limited: 0, 1 or 2 (default 2).</summary>
    public int Generation { get; set; } = 2;

    /// <summary>The most collections of <see cref="Generation"/> allowed per 1 000 operations, ≥ 0 (default 0: none).</summary>
    public double PerThousandOperations { get; set; }

    /// <inheritdoc />
    public override string Description =>
        string.Create(CultureInfo.InvariantCulture, $"MaxGcCollections(Generation = {Generation}, PerThousandOperations = {PerThousandOperations})");

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(MethodInfo benchmark)
    {
        var errors = new List<string>();
        if (Generation is < 0 or > 2) errors.Add($"{Description}: Generation must be 0, 1 or 2");
        if (!double.IsFinite(PerThousandOperations) || PerThousandOperations < 0) errors.Add($"{Description}: PerThousandOperations must be a finite number ≥ 0");
        return errors;
    }

    /// <inheritdoc />
    public override AssertionOutcome Check(BenchmarkResult result, AssertionContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        var collections = Generation switch { 0 => result.Gc.Gen0, 1 => result.Gc.Gen1, _ => result.Gc.Gen2 };
        if (result.TotalOperations <= 0)
            return AssertionOutcome.Inconclusive($"{Description}: no operations were measured");
        var perThousand = collections * 1000.0 / result.TotalOperations;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{Description}: {collections} gen-{Generation} collection(s) in {result.TotalOperations} operations = {AssertionText.Number(perThousand)} per 1 000 operations, allowed at most {AssertionText.Number(PerThousandOperations)}");
        return perThousand <= PerThousandOperations ? AssertionOutcome.Passed(message) : AssertionOutcome.Failed(message);
    }
}
