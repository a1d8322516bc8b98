namespace ActiveInference.Benchmarking.Statistics;

/// <summary>A two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>] at <see cref="Level"/> (e.g. 0.95).</summary>
/// <param name="Lower">Lower bound, in the unit of the estimate.</param>
/// <param name="Upper">Upper bound, in the unit of the estimate.</param>
/// <param name="Level">Confidence level in (0, 1).</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>Whether <paramref name="value"/> lies inside the interval, bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Half the width of the interval.</summary>
    public double HalfWidth => (Upper - Lower) / 2;
}
