using ActiveInference.Core.Continuous;

namespace ActiveInference.Core.Tests.Continuous;

[TestFixture]
public sealed class InferenceTests
{
    [TestCase(2, 2), TestCase(3, 7), TestCase(5, 3), TestCase(10, 10), TestCase(50, 30), TestCase(100, 120), TestCase(200, 150), TestCase(200, 200)]
    public void VariationalInferenceConvergesToTheClosedFormPosterior(int n, int m)
    {
        var model = ModelFactory.LinearGaussian(n, m, seed: 1000 + n + m);
        var o = ModelFactory.NormalVector(m, 77);

        var result = new VariationalInference(model).Infer(o);
        var exact = model.ExactPosterior(o);

        Assert.That(result.Converged, Is.True);
        Assert.That(result.Iterations, Is.GreaterThan(0).And.LessThanOrEqualTo(10 * n + 10));
        Assert.That(MaxDifference(result.Mean.Span, exact.Mean.Span), Is.LessThan(1e-8), "mean");
        Assert.That(MaxDifference(result.Covariance.Span, exact.Covariance.Span), Is.LessThan(1e-8), "covariance");
        Assert.That(result.FreeEnergy, Is.EqualTo(model.FreeEnergy(exact.Mean.Span, o)).Within(1e-8));
    }

    [Test]
    public void AnIterationCapTooSmallIsReportedAsNotConverged()
    {
        var model = ModelFactory.LinearGaussian(40, 40, seed: 9);
        var o = ModelFactory.NormalVector(40, 10);

        var result = new VariationalInference(model, tolerance: 1e-14, maxIterations: 2).Infer(o);

        Assert.That(result.Converged, Is.False);
        Assert.That(result.Iterations, Is.EqualTo(2));
        Assert.That(result.RelativeResidual, Is.GreaterThan(1e-14));
    }

    [Test]
    public void BeliefStateLowersFreeEnergyAndReachesThePosteriorMean()
    {
        var model = ModelFactory.LinearGaussian(12, 8, seed: 21);
        var o = ModelFactory.NormalVector(8, 22);
        var belief = new BeliefState(model, steps: 5);
        var previous = model.FreeEnergy(belief.Mean, o);

        for (var k = 0; k < 200; k++)
        {
            var f = belief.Update(o);
            Assert.That(f, Is.LessThanOrEqualTo(previous + 1e-12));
            Assert.That(belief.FreeEnergy, Is.EqualTo(f));
            previous = f;
        }

        Assert.That(MaxDifference(belief.Mean, model.ExactPosterior(o).Mean.Span), Is.LessThan(1e-8));
    }

    [Test]
    public void BeliefStateTakesTheConfiguredStep()
    {
        var model = ModelFactory.LinearGaussian(3, 2, seed: 1);
        double[] o = [0.5, -0.25];
        var belief = new BeliefState(model, stepSize: 0.1, steps: 1);
        var start = belief.Mean.ToArray();
        var gradient = new double[3];
        model.FreeEnergyAndGradient(start, o, gradient);

        belief.Update(o);

        for (var i = 0; i < 3; i++)
        {
            Assert.That(belief.Mean[i], Is.EqualTo(start[i] - (0.1 * gradient[i])).Within(1e-15));
        }

        belief.Reset();
        Assert.That(belief.Mean.ToArray(), Is.EqualTo(start));
        Assert.That(double.IsNaN(belief.FreeEnergy), Is.True);
    }

    [Test]
    public void RepeatedVariationalIterationsReachTheMeanFieldFixedPoint()
    {
        var model = ModelFactory.LinearGaussian(10, 6, seed: 31);
        var o = ModelFactory.NormalVector(6, 32);
        var iteration = new VariationalIteration(model);
        var mean = new double[10];
        var variance = new double[10];
        var change = double.PositiveInfinity;

        for (var k = 0; k < 500 && change > 1e-14; k++)
        {
            change = iteration.Step(o, mean, variance);
        }

        var exact = model.ExactPosterior(o);
        Assert.That(MaxDifference(mean, exact.Mean.Span), Is.LessThan(1e-10));
        for (var i = 0; i < 10; i++)
        {
            // Mean-field variance 1/P_ii never exceeds the exact marginal variance (P⁻¹)_ii.
            Assert.That(variance[i], Is.GreaterThan(0).And.LessThanOrEqualTo(exact.CovarianceAt(i, i) + 1e-15));
        }
    }

    [Test]
    public void OneVariationalIterationUpdatesACoordinateToItsConditionalOptimum()
    {
        // One state: the single coordinate update is exact in one step.
        var model = ModelFactory.LinearGaussian(1, 3, seed: 2);
        double[] o = [1.0, 2.0, -1.0];
        double[] mean = [0.0];
        double[] variance = [0.0];

        new VariationalIteration(model).Step(o, mean, variance);

        var exact = model.ExactPosterior(o);
        Assert.That(mean[0], Is.EqualTo(exact.Mean.Span[0]).Within(1e-13));
        Assert.That(variance[0], Is.EqualTo(exact.CovarianceAt(0, 0)).Within(1e-13));
    }

    private static double MaxDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Assert.That(a.Length, Is.EqualTo(b.Length));
        double max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
