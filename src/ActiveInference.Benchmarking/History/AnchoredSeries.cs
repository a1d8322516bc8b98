namespace ActiveInference.Benchmarking.History;

/// <summary>A benchmark's history in the units of its first anchor, and its steps.</summary>
/// <param name="FullName">The benchmark's full NUnit name.</param>
/// <param name="Anchor">The series' unit: the anchor of its first point (ratio 1 = as fast as that commit).</param>
/// <param name="Threshold">The minimum effect a step must have (the gate's threshold of the latest run).</param>
/// <param name="Points">The points, oldest first.</param>
/// <param name="Steps">Its level changes beyond the threshold, oldest first.</param>
/// <param name="Problems">What was left out and why (points whose anchor has no link to <paramref name="Anchor"/>), with the fix.</param>
internal sealed record AnchoredSeries(
    string FullName,
    string Anchor,
    double Threshold,
    IReadOnlyList<AnchoredPoint> Points,
    IReadOnlyList<Step> Steps,
    IReadOnlyList<string> Problems);
