using System.Globalization;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Fails the benchmark unless median(this ns/op ÷ other ns/op) ≤ 1 / <see cref="By"/>, against the benchmark
/// <see cref="SpeedComparisonAttribute.Other"/> of the same fixture measured side by side.
/// </summary>
/// <example><c>[FasterThan(nameof(FreeEnergyAllocating), By = 2)]</c></example>
public sealed class FasterThanAttribute : SpeedComparisonAttribute
{
    /// <summary>Requires this benchmark to be faster than <paramref name="other"/> (by <see cref="By"/>).</summary>
    /// <param name="other">The other benchmark method's name (use <c>nameof</c>).</param>
    public FasterThanAttribute(string other) : base(other) { }

    /// <summary>
    /// How many times faster, ≥ 1 (default 1: at least as fast). For "at most R times slower" use <see
    /// cref="RelativeSpeedAttribute"/> with <c>Max = R</c>.
    /// </summary>
    public double By { get; set; } = 1;

    /// <inheritdoc />
    public override double MinRatio => 0;

    /// <inheritdoc />
    public override double MaxRatio => 1 / By;

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"FasterThan({Other}, By = {By})");

    /// <inheritdoc />
    protected override string Requirement => $"at least {AssertionText.Number(By)}× faster (time ratio ≤ {AssertionText.Number(MaxRatio)})";

    /// <inheritdoc />
    protected override IEnumerable<string> ValidateBounds()
    {
        if (!double.IsFinite(By) || By < 1)
            yield return "By must be a finite factor ≥ 1 (for a bound on how much slower, use [RelativeSpeed(..., Max = ...)])";
    }
}
