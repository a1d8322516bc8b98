namespace ActiveInference.Benchmarking.History;

/// <summary>A benchmark's recorded history and where its level changed.</summary>
/// <param name="FullName">The benchmark's full NUnit name.</param>
/// <param name="Points">Its points, oldest first (only those with a finite median).</param>
/// <param name="ChangePoints">Indexes into <paramref name="Points"/> where a new level starts, ascending.</param>
internal sealed record BenchmarkTrend(string FullName, IReadOnlyList<HistoryPoint> Points, IReadOnlyList<int> ChangePoints);
