using System.Globalization;
using System.Reflection;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Base of the relative-speed assertions: this benchmark's time ÷ another's, measured interleaved in the same process,
/// must lie in [<see cref="MinRatio"/>, <see cref="MaxRatio"/>]; a ratio holds across machines where a time does not.
/// </summary>
public abstract class SpeedComparisonAttribute : BenchmarkAssertionAttribute
{
    /// <summary>Confidence level of the interval shown in the message.</summary>
    public const double IntervalLevel = 0.95;

    /// <summary>Compares with the benchmark method named <paramref name="other"/> (use <c>nameof</c>).</summary>
    protected SpeedComparisonAttribute(string other) => Other = other;

    /// <summary>The name of the other benchmark method of the same fixture.</summary>
    public string Other { get; }

    /// <summary>The smallest allowed median time ratio (this ÷ other), ≥ 0.</summary>
    public abstract double MinRatio { get; }

    /// <summary>The largest allowed median time ratio (this ÷ other), possibly +∞.</summary>
    public abstract double MaxRatio { get; }

    /// <summary>What is required, in words and as a ratio, e.g. <c>at least 2× faster (time ratio ≤ 0.5)</c>.</summary>
    protected abstract string Requirement { get; }

    /// <summary>Problems with the derived attribute's own numbers; empty when valid.</summary>
    protected abstract IEnumerable<string> ValidateBounds();

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(MethodInfo benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var errors = ValidateBounds().Select(e => $"{Description}: {e}").ToList();
        if (ComparedMethod.Find(benchmark, Other) is { Error: { } problem })
            errors.Add($"{Description} on {benchmark.Name}: {problem}");
        else if (ComparisonGraph.CycleFrom(benchmark) is { } cycle)
            errors.Add($"{Description} on {benchmark.Name}: circular relative-speed declarations ({string.Join(" → ", cycle)}); declare each comparison on one side only");
        return errors;
    }

    /// <inheritdoc />
    public override AssertionOutcome Check(BenchmarkResult result, AssertionContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var comparison = context.Comparisons.FirstOrDefault(c => c.Method == Other);
        if (comparison is null)
            return AssertionOutcome.Inconclusive($"{Description}: {Other} was not measured beside {result.Name}");
        if (comparison.NotMeasuredReason is { } reason)
            return AssertionOutcome.NotApplicable($"{Description}: not checked for {result.Name}: {reason}");
        var sorted = comparison.Ratios.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
            return AssertionOutcome.Inconclusive($"{Description}: no paired samples of {result.Name} and {comparison.Case}");

        var median = Quantile.OfSorted(sorted, 0.5);
        var interval = MedianOrderStatisticInterval.OfSorted(sorted, IntervalLevel);
        var speed = median switch
        {
            < 1 and > 0 => $"{AssertionText.Number(1 / median)}× faster",
            > 1 => $"{AssertionText.Number(median)}× slower",
            1 => "as fast",
            _ => "immeasurably faster",
        };
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{Description}: {result.Name} takes {AssertionText.Number(median)} × the time of {comparison.Case} ({speed}; median of {sorted.Length} paired samples, {interval.Level * 100:0}% CI [{AssertionText.Number(interval.Lower)}, {AssertionText.Number(interval.Upper)}]); required {Requirement}");
        return median >= MinRatio && median <= MaxRatio ? AssertionOutcome.Passed(message) : AssertionOutcome.Failed(message);
    }
}
