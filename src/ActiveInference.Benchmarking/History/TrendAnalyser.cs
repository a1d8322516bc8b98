using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.History;

/// <summary>Turns a benchmark's history into a <see cref="BenchmarkTrend"/>: finite-median points and their change points.</summary>
internal sealed class TrendAnalyser
{
    private readonly IChangePointDetector _detector;
    private readonly int _minDistance;

    /// <summary>Uses <paramref name="detector"/>, asking for at least <paramref name="minDistance"/> runs between change points (≥ 1).</summary>
    public TrendAnalyser(IChangePointDetector detector, int minDistance = 3)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDistance, 1);
        _detector = detector;
        _minDistance = minDistance;
    }

    /// <summary>
    /// The trend of <paramref name="fullName"/> over <paramref name="points"/> (oldest first, as <see
    /// cref="HistoryStore.Series"/> returns them).
    /// </summary>
    /// <exception cref="InvalidOperationException">The detector returned an index outside the series or out of order.</exception>
    public BenchmarkTrend Analyse(string fullName, IReadOnlyList<HistoryPoint> points)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        ArgumentNullException.ThrowIfNull(points);
        var usable = points.Where(p => double.IsFinite(p.MedianNanoseconds)).ToArray();
        if (usable.Length < 2)
        {
            return new BenchmarkTrend(fullName, usable, []);
        }

        var changes = _detector.Detect(usable.Select(p => p.MedianNanoseconds).ToArray(), _minDistance);
        for (var i = 0; i < changes.Length; i++)
        {
            if (changes[i] < 1 || changes[i] >= usable.Length || (i > 0 && changes[i] <= changes[i - 1]))
            {
                throw new InvalidOperationException(
                    $"The change-point detector returned [{string.Join(", ", changes)}] for a series of {usable.Length} points: indexes must ascend within 1..{usable.Length - 1}.");
            }
        }

        return new BenchmarkTrend(fullName, usable, changes);
    }
}

/// <summary>A benchmark's recorded history and where its level changed.</summary>
/// <param name="FullName">The benchmark's full NUnit name.</param>
/// <param name="Points">Its points, oldest first (only those with a finite median).</param>
/// <param name="ChangePoints">Indexes into <paramref name="Points"/> where a new level starts, ascending.</param>
internal sealed record BenchmarkTrend(string FullName, IReadOnlyList<HistoryPoint> Points, IReadOnlyList<int> ChangePoints);
