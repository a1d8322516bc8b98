namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// Finds the points where the level of a series changes (e.g. a benchmark's median over the run history). An interface so the history's trends do not
/// depend on one method (tests pass fixed answers); <see cref="EdPelt"/> is the production implementation.
/// </summary>
internal interface IChangePointDetector
{
    /// <summary>
    /// Indexes into <paramref name="series"/> where a new level starts, ascending, each in 1..Count−1, with at
    /// least <paramref name="minDistance"/> points between neighbouring change points; empty for a steady series.
    /// </summary>
    int[] Detect(IReadOnlyList<double> series, int minDistance);
}
