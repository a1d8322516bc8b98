using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class QuickSelectTests
{
    [Test]
    public void MedianAgreesWithSortingOnManyShapes()
    {
        var random = new Random(12345);
        for (var n = 1; n <= 60; n++)
        {
            double[][] shapes =
            [
                Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray(),
                Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
                Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(),
                Enumerable.Range(0, n).Select(_ => (double)random.Next(3)).ToArray(),
                Enumerable.Repeat(2.5, n).ToArray(),
            ];
            foreach (var shape in shapes)
            {
                var sorted = shape.OrderBy(v => v).ToArray();
                var expected = Quantile.OfSorted(sorted, 0.5);
                Assert.That(QuickSelect.Median((double[])shape.Clone()), Is.EqualTo(expected).Within(1e-15), $"n = {n}");
                for (var k = 0; k < n; k++)
                    Assert.That(QuickSelect.Select((double[])shape.Clone(), k), Is.EqualTo(sorted[k]), $"n = {n}, k = {k}");
            }
        }
    }
}
