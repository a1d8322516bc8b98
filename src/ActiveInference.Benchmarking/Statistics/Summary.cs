namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// Descriptive statistics of one sample of values (for timings: nanoseconds per operation). Immutable;
/// computed by <c>SummaryCalculator.Summarise</c> from an array, with no knowledge of where the values came from.
/// </summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1 denominator); 0 when N is 1.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Median">Median (the 0.5 quantile).</param>
/// <param name="Q1">First quartile (the 0.25 quantile).</param>
/// <param name="Q3">Third quartile (the 0.75 quantile).</param>
/// <param name="MeanInterval">95% confidence interval of the mean (Student t).</param>
/// <param name="MedianInterval">95% confidence interval of the median (distribution-free, from order statistics).</param>
public sealed record Summary(
    int N,
    double Mean,
    double StandardDeviation,
    double Min,
    double Max,
    double Median,
    double Q1,
    double Q3,
    ConfidenceInterval MeanInterval,
    ConfidenceInterval MedianInterval);
