using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Statistics;

public class PercentileBootstrapTests
{
    private const double Tolerance = 1e-12;

    // The example of R's ?wilcox.test (Hollander and Wolfe 1973, p. 69).
    private static readonly double[] HollanderWolfeX = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    private static readonly double[] HollanderWolfeY = [1.15, 0.88, 0.90, 0.74, 1.21];

    // Reference: the same algorithm in python3 + numpy (SplitMix64, index = (next * size) >> 64, x drawn before y,
    // numpy.median, numpy.quantile(linear)):
    //   def boot(x, y, level, B, seed):
    //       r = SplitMix64(seed); d = []
    //       for b in range(B):
    //           xs = [x[(r.next() * len(x)) >> 64] for _ in x]; ys = [y[(r.next() * len(y)) >> 64] for _ in y]
    //           d.append(np.median(xs) - np.median(ys))
    //       d = np.sort(d); a = 1 - level
    //       return np.quantile(d, a / 2), np.quantile(d, 1 - a / 2)
    //   boot(x, y, 0.95, 2000, 0x5EED0FB00757A9)  # (-0.21499999999999986, 0.7899999999999999)
    //   boot(x, y, 0.90, 500, 42)                 # (-0.10999999999999988, 0.7399999999999999)
    [Test]
    public void MatchesReferenceImplementation()
    {
        var interval = PercentileBootstrap.MedianDifference(
            HollanderWolfeX, HollanderWolfeY);

        Assert.That(interval.Lower, Is.EqualTo(-0.21499999999999986).Within(Tolerance));
        Assert.That(interval.Upper, Is.EqualTo(0.7899999999999999).Within(Tolerance));
        Assert.That(interval.Level, Is.EqualTo(0.95));
    }

    [Test]
    public void MatchesReferenceImplementationWithOtherSettings()
    {
        var interval = PercentileBootstrap.MedianDifference(
            HollanderWolfeX, HollanderWolfeY, level: 0.90, resamples: 500, seed: 42);

        Assert.That(interval.Lower, Is.EqualTo(-0.10999999999999988).Within(Tolerance));
        Assert.That(interval.Upper, Is.EqualTo(0.7399999999999999).Within(Tolerance));
    }

    [Test]
    public void IsDeterministicForASeedAndVariesWithIt()
    {
        var x = Enumerable.Range(0, 101).Select(i => Math.Sin(i * 1.3)).ToArray();
        var y = Enumerable.Range(0, 80).Select(i => Math.Cos(i * 0.7)).ToArray();

        var first = PercentileBootstrap.MedianDifference(x, y, seed: 7);
        var again = PercentileBootstrap.MedianDifference(x, y, seed: 7);
        var other = PercentileBootstrap.MedianDifference(x, y, seed: 8);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void CoversAKnownShiftAtTheGateSize()
    {
        var baseline = Enumerable.Range(0, 400).Select(i => 0.02 * Math.Sin(i * 0.37)).ToArray();
        var current = baseline.Select(v => v + 0.05).ToArray();

        var interval = PercentileBootstrap.MedianDifference(current, baseline);

        Assert.That(interval.Contains(0.05), Is.True);
        Assert.That(interval.Lower, Is.GreaterThan(0));
    }

    [Test]
    public void SingleValuesAndConstantSamplesGiveAPointInterval()
    {
        Assert.That(PercentileBootstrap.MedianDifference([3.0], [1.0]), Is.EqualTo(new ConfidenceInterval(2, 2, 0.95)));
        Assert.That(PercentileBootstrap.MedianDifference([1.0, 1.0, 1.0], [1.0, 1.0]), Is.EqualTo(new ConfidenceInterval(0, 0, 0.95)));
    }

    [Test]
    public void DoesNotChangeTheInputs()
    {
        double[] x = [3, 1, 2, 5];
        double[] y = [9, 8, 7];
        PercentileBootstrap.MedianDifference(x, y, resamples: 10);
        Assert.That(x, Is.EqualTo(new double[] { 3, 1, 2, 5 }));
        Assert.That(y, Is.EqualTo(new double[] { 9, 8, 7 }));
    }

    [Test]
    public void RejectsBadArguments()
    {
        Assert.That(() => PercentileBootstrap.MedianDifference([], [1.0]), Throws.ArgumentException);
        Assert.That(() => PercentileBootstrap.MedianDifference([1.0], [double.NaN]), Throws.ArgumentException.With.Message.Contains("NaN"));
        Assert.That(() => PercentileBootstrap.MedianDifference([1.0], [1.0], resamples: 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => PercentileBootstrap.MedianDifference([1.0], [1.0], level: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
