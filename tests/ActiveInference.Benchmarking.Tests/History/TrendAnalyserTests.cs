using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.History;

public class TrendAnalyserTests
{
    [Test]
    public void PassesTheFiniteMediansAndDistanceToTheDetectorAndKeepsItsChangePoints()
    {
        var detector = new FixedDetector([3]);
        var points = Points(100, 101, double.NaN, 99, 150, 151);

        var trend = new TrendAnalyser(detector, minDistance: 2).Analyse("B", points);

        Assert.That(detector.Seen, Is.EqualTo(new[] { 100.0, 101, 99, 150, 151 }));
        Assert.That(detector.MinDistance, Is.EqualTo(2));
        Assert.That(trend.Points.Select(p => p.MedianNanoseconds), Is.EqualTo(detector.Seen));
        Assert.That(trend.ChangePoints, Is.EqualTo(new[] { 3 }));
        Assert.That(trend.FullName, Is.EqualTo("B"));
    }

    [Test]
    public void ASeriesTooShortToChangeHasNoChangePointsAndDoesNotCallTheDetector()
    {
        var detector = new FixedDetector([1]);
        var trend = new TrendAnalyser(detector).Analyse("B", Points(100));
        Assert.That(trend.ChangePoints, Is.Empty);
        Assert.That(detector.Seen, Is.Null);
    }

    [TestCase(new[] { 0 })]
    [TestCase(new[] { 4 })]
    [TestCase(new[] { 2, 2 })]
    [TestCase(new[] { 3, 1 })]
    public void ADetectorAnswerOutsideTheSeriesIsAnError(int[] answer)
    {
        var analyser = new TrendAnalyser(new FixedDetector(answer));
        Assert.Throws<InvalidOperationException>(() => analyser.Analyse("B", Points(1, 2, 3, 4)));
    }

    internal static HistoryPoint[] Points(params double[] medians) =>
        medians.Select((m, i) => new HistoryPoint(
            i + 1, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i), "c" + i, "main", "p", "B",
            m, m, m * 0.01, new ConfidenceInterval(m * 0.98, m * 1.02, 0.95), 40, 0, null, null, null, true)).ToArray();

    private sealed class FixedDetector(int[] answer) : IChangePointDetector
    {
        public double[]? Seen { get; private set; }

        public int MinDistance { get; private set; }

        public int[] Detect(IReadOnlyList<double> series, int minDistance)
        {
            Seen = series.ToArray();
            MinDistance = minDistance;
            return answer;
        }
    }
}
