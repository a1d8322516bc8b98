using System.Globalization;
using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Bounds a custom metric recorded with <see cref="PerfMetrics.Record"/>, or <c>result</c> (the numeric return value),
/// e.g. <c>[MetricAssertion("iterations", Max = 50)]</c>.
/// </summary>
public sealed class MetricAssertionAttribute : BenchmarkAssertionAttribute
{
    /// <summary>Bounds the metric <paramref name="metric"/>; set <see cref="Min"/>, <see cref="Max"/> or both.</summary>
    /// <param name="metric">The metric's name as recorded (case-sensitive), e.g. <c>iterations</c> or <c>result</c>.</param>
    public MetricAssertionAttribute(string metric) => Metric = metric;

    /// <summary>The metric's name.</summary>
    public string Metric { get; }

    /// <summary>Smallest allowed value, inclusive; unset (NaN) for no lower bound.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>Largest allowed value, inclusive; unset (NaN) for no upper bound.</summary>
    public double Max { get; set; } = double.NaN;

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"MetricAssertion(\"{Metric}\"{(double.IsNaN(Min) ? "" : $", Min = {Min}")}{(double.IsNaN(Max) ? "" : $", Max = {Max}")})");

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(MethodInfo benchmark)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Metric)) errors.Add($"{Description}: name the metric (as given to PerfMetrics.Record, or \"result\")");
        if (double.IsNaN(Min) && double.IsNaN(Max)) errors.Add($"{Description}: set Min, Max or both");
        if (double.IsInfinity(Min) || double.IsInfinity(Max)) errors.Add($"{Description}: bounds must be finite (leave a side unset instead)");
        if (Min > Max) errors.Add($"{Description}: Min must not exceed Max");
        return errors;
    }

    /// <inheritdoc />
    public override AssertionOutcome Check(BenchmarkResult result, AssertionContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        var allowed = (double.IsNaN(Min), double.IsNaN(Max)) switch
        {
            (false, true) => $"at least {AssertionText.Number(Min)}",
            (true, false) => $"at most {AssertionText.Number(Max)}",
            _ => $"in [{AssertionText.Number(Min)}, {AssertionText.Number(Max)}]",
        };
        if (!result.CustomMetrics.TryGetValue(Metric, out var value))
        {
            var recorded = result.CustomMetrics.Count == 0 ? "none" : string.Join(", ", result.CustomMetrics.Keys.Order(StringComparer.Ordinal));
            return AssertionOutcome.Failed($"{Description}: {result.Name} did not record \"{Metric}\" (recorded: {recorded}), allowed {allowed}");
        }
        var message = $"{Description}: {Metric} = {AssertionText.Number(value)}, allowed {allowed}";
        var inside = !double.IsNaN(value) && !(value < Min) && !(value > Max);
        return inside ? AssertionOutcome.Passed(message) : AssertionOutcome.Failed(message);
    }
}
