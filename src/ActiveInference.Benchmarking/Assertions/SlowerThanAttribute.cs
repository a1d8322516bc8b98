using System.Globalization;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Fails the benchmark unless median(this ns/op ÷ other ns/op) ≥ <see cref="By"/>, against the benchmark
/// <see cref="SpeedComparisonAttribute.Other"/> of the same fixture; the mirror of <see cref="FasterThanAttribute"/>.
/// </summary>
/// <example><c>[SlowerThan(nameof(FreeEnergy), By = 2)]</c></example>
public sealed class SlowerThanAttribute : SpeedComparisonAttribute
{
    /// <summary>Requires this benchmark to be slower than <paramref name="other"/> (by <see cref="By"/>).</summary>
    /// <param name="other">The other benchmark method's name (use <c>nameof</c>).</param>
    public SlowerThanAttribute(string other) : base(other) { }

    /// <summary>How many times slower at least, ≥ 1 (default 1: not faster).</summary>
    public double By { get; set; } = 1;

    /// <inheritdoc />
    public override double MinRatio => By;

    /// <inheritdoc />
    public override double MaxRatio => double.PositiveInfinity;

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"SlowerThan({Other}, By = {By})");

    /// <inheritdoc />
    protected override string Requirement => $"at least {AssertionText.Number(By)}× slower (time ratio ≥ {AssertionText.Number(MinRatio)})";

    /// <inheritdoc />
    protected override IEnumerable<string> ValidateBounds()
    {
        if (!double.IsFinite(By) || By < 1)
            yield return "By must be a finite factor ≥ 1 (for a bound on how much faster, use [RelativeSpeed(..., Min = ...)])";
    }
}
