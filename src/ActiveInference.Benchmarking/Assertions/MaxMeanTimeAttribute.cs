using System.Globalization;
using ActiveInference.Benchmarking.Formatting;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// An absolute limit on the mean time per operation, enforced only on the machine profile <see cref="AbsoluteTimeAttribute.Profile"/>
/// (inconclusive elsewhere), e.g. <c>[MaxMeanTime(Milliseconds = 0.005, Profile = "3f9a0c12ab45")]</c>.
/// </summary>
/// <remarks>The mean of the measured samples' ns/op (overhead subtracted) is compared with the limit; the message shows its 95% interval.</remarks>
public sealed class MaxMeanTimeAttribute : AbsoluteTimeAttribute
{
    /// <summary>The largest allowed mean time per operation in milliseconds (fractions allowed: 0.001 = 1 µs), &gt; 0.</summary>
    public double Milliseconds { get; set; } = double.NaN;

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"MaxMeanTime(Milliseconds = {Milliseconds}, Profile = \"{Profile}\")");

    /// <inheritdoc />
    protected override IEnumerable<string> ValidateLimit()
    {
        if (!(double.IsFinite(Milliseconds) && Milliseconds > 0))
            yield return "Milliseconds must be a positive number (the mean time per operation allowed)";
    }

    /// <inheritdoc />
    protected override AssertionOutcome CheckOnProfile(BenchmarkResult result)
    {
        var t = result.Time;
        var allowed = Milliseconds * 1e6;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{Description}: mean {Readable.Time(t.Mean)}/op ({t.MeanInterval.Level * 100:0}% CI [{Readable.Time(t.MeanInterval.Lower)}, {Readable.Time(t.MeanInterval.Upper)}], {t.N} samples), allowed at most {Readable.Time(allowed)}/op on profile {Profile}");
        if (double.IsNaN(t.Mean)) return AssertionOutcome.Inconclusive(message);
        return t.Mean <= allowed ? AssertionOutcome.Passed(message) : AssertionOutcome.Failed(message);
    }
}
