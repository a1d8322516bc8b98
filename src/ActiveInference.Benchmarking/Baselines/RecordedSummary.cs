using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>Statistics of one recording's samples in ns/op, as stored in <c>baselines.json</c> (exact round-trip doubles).</summary>
/// <param name="N">Number of samples.</param>
/// <param name="Mean">Arithmetic mean, ns/op.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1), ns/op.</param>
/// <param name="Min">Smallest sample, ns/op.</param>
/// <param name="Max">Largest sample, ns/op.</param>
/// <param name="Median">Median, ns/op.</param>
/// <param name="Q1">First quartile, ns/op.</param>
/// <param name="Q3">Third quartile, ns/op.</param>
internal sealed record RecordedSummary(int N, double Mean, double StandardDeviation, double Min, double Max, double Median, double Q1, double Q3)
{
    /// <summary>The stored part of a run's <see cref="Summary"/>.</summary>
    public static RecordedSummary From(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new RecordedSummary(summary.N, summary.Mean, summary.StandardDeviation, summary.Min, summary.Max, summary.Median, summary.Q1, summary.Q3);
    }

    /// <summary>True when every value is a finite number and N is positive: what the file can hold.</summary>
    internal bool IsFinite =>
        N > 0 && double.IsFinite(Mean) && double.IsFinite(StandardDeviation) && double.IsFinite(Min) && double.IsFinite(Max)
        && double.IsFinite(Median) && double.IsFinite(Q1) && double.IsFinite(Q3);
}
