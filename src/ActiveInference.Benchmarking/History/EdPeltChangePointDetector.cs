using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.History;

/// <summary>The history's change-point detector: ED-PELT (<see cref="ChangePointDetector"/>) with its default penalty.</summary>
public sealed class EdPeltChangePointDetector : IChangePointDetector
{
    /// <summary>The one instance; the detector has no state.</summary>
    public static EdPeltChangePointDetector Instance { get; } = new();

    /// <inheritdoc />
    public int[] Detect(IReadOnlyList<double> series, int minDistance) => [.. ChangePointDetector.Detect(series, minDistance)];
}
