using System.Globalization;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Fails the benchmark unless <see cref="Min"/> ≤ median(this ns/op ÷ other ns/op) ≤ <see cref="Max"/>, against the
/// benchmark <see cref="SpeedComparisonAttribute.Other"/> of the same fixture measured side by side.
/// </summary>
public sealed class RelativeSpeedAttribute : SpeedComparisonAttribute
{
    /// <summary>Bounds this benchmark's time relative to <paramref name="other"/>; set <see cref="Min"/>, <see cref="Max"/> or both.</summary>
    /// <param name="other">The other benchmark method's name (use <c>nameof</c>).</param>
    public RelativeSpeedAttribute(string other) : base(other) { }

    /// <summary>Smallest allowed time ratio (this ÷ other), &gt; 0; unset (NaN) for no lower bound.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>Largest allowed time ratio (this ÷ other), &gt; 0; unset (NaN) for no upper bound.</summary>
    public double Max { get; set; } = double.NaN;

    /// <inheritdoc />
    public override double MinRatio => double.IsNaN(Min) ? 0 : Min;

    /// <inheritdoc />
    public override double MaxRatio => double.IsNaN(Max) ? double.PositiveInfinity : Max;

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"RelativeSpeed({Other}{(double.IsNaN(Min) ? "" : $", Min = {Min}")}{(double.IsNaN(Max) ? "" : $", Max = {Max}")})");

    /// <inheritdoc />
    protected override string Requirement => $"time ratio in [{AssertionText.Number(MinRatio)}, {AssertionText.Number(MaxRatio)}]";

    /// <inheritdoc />
    protected override IEnumerable<string> ValidateBounds()
    {
        if (double.IsNaN(Min) && double.IsNaN(Max))
            yield return "set Min, Max or both (time ratios this ÷ other)";
        if (!double.IsNaN(Min) && !(double.IsFinite(Min) && Min > 0))
            yield return "Min must be a finite ratio > 0";
        if (!double.IsNaN(Max) && !(double.IsFinite(Max) && Max > 0))
            yield return "Max must be a finite ratio > 0";
        if (Min > Max)
            yield return "Min must not exceed Max";
    }
}
