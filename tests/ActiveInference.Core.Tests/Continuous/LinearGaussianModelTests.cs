using ActiveInference.Core.Continuous;
using MathNet.Numerics.LinearAlgebra;

namespace ActiveInference.Core.Tests.Continuous;

[TestFixture]
public sealed class LinearGaussianModelTests
{
    [Test]
    public void FreeEnergyOfAOneDimensionalModelIsTheNegativeLogJoint()
    {
        // x ~ N(1, 1/2), o = 3x + noise, noise precision 4; μ = 0.5, o = 2.
        var model = new LinearGaussianModel(
            Matrix<double>.Build.Dense(1, 1, 3.0), Vector<double>.Build.Dense(1, 1.0),
            Matrix<double>.Build.Dense(1, 1, 2.0), Matrix<double>.Build.Dense(1, 1, 4.0));
        var eo = 2.0 - (3.0 * 0.5);
        var ex = 0.5 - 1.0;
        var expected = (0.5 * 4 * eo * eo) + (0.5 * 2 * ex * ex) - (0.5 * Math.Log(4)) - (0.5 * Math.Log(2)) + Math.Log(2 * Math.PI);

        Assert.That(model.FreeEnergy([0.5], [2.0]), Is.EqualTo(expected).Within(1e-14));
    }

    [TestCase(1, 1), TestCase(3, 5), TestCase(17, 9), TestCase(64, 100)]
    public void WorkspaceAndAllocatingVersionsAgree(int n, int m)
    {
        var model = ModelFactory.LinearGaussian(n, m, seed: n * 31 + m);
        var mu = ModelFactory.NormalVector(n, 1);
        var o = ModelFactory.NormalVector(m, 2);

        var fast = model.FreeEnergy(mu, o);
        var simple = model.FreeEnergyAllocating(Vector<double>.Build.Dense(mu), Vector<double>.Build.Dense(o));

        Assert.That(fast, Is.EqualTo(simple).Within(1e-10 * Math.Max(1, Math.Abs(simple))));
        Assert.That(model.FreeEnergy(mu, o, model.CreateWorkspace()), Is.EqualTo(fast));
    }

    [TestCase(2, 3), TestCase(10, 7)]
    public void GradientMatchesCentralDifferences(int n, int m)
    {
        var model = ModelFactory.LinearGaussian(n, m, seed: 5);
        var mu = ModelFactory.NormalVector(n, 6);
        var o = ModelFactory.NormalVector(m, 7);
        var gradient = new double[n];
        var f = model.FreeEnergyAndGradient(mu, o, gradient);

        Assert.That(f, Is.EqualTo(model.FreeEnergy(mu, o)));
        const double h = 1e-5;
        for (var i = 0; i < n; i++)
        {
            var plus = (double[])mu.Clone();
            var minus = (double[])mu.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (model.FreeEnergy(plus, o) - model.FreeEnergy(minus, o)) / (2 * h);
            Assert.That(gradient[i], Is.EqualTo(numeric).Within(1e-6), $"dF/dmu[{i}]");
        }
    }

    [Test]
    public void ExactPosteriorMatchesTheTextbookFormula()
    {
        var model = ModelFactory.LinearGaussian(6, 4, seed: 11);
        var o = ModelFactory.NormalVector(4, 12);
        var w = model.W;
        var precision = (w.Transpose() * model.ObservationPrecision * w) + model.PriorPrecision;
        var covariance = precision.Inverse(); // an explicit inverse is fine in a test oracle
        var mean = covariance * ((w.Transpose() * model.ObservationPrecision * Vector<double>.Build.Dense(o)) + (model.PriorPrecision * model.PriorMean));

        var posterior = model.ExactPosterior(o);

        for (var i = 0; i < 6; i++)
        {
            Assert.That(posterior.Mean.Span[i], Is.EqualTo(mean[i]).Within(1e-12));
            for (var j = 0; j < 6; j++)
            {
                Assert.That(posterior.CovarianceAt(i, j), Is.EqualTo(covariance[i, j]).Within(1e-12));
            }
        }

        Assert.That(posterior.CovarianceMatrix()[2, 3], Is.EqualTo(covariance[2, 3]).Within(1e-12));
    }

    [Test]
    public void TheGradientVanishesAtThePosteriorMean()
    {
        var model = ModelFactory.LinearGaussian(8, 5, seed: 3);
        var o = ModelFactory.NormalVector(5, 4);
        var mean = model.ExactPosterior(o).Mean.ToArray();
        var gradient = new double[8];
        model.FreeEnergyAndGradient(mean, o, gradient);

        Assert.That(gradient.Max(Math.Abs), Is.LessThan(1e-10));
    }

    [Test]
    public void SimpleFreeEnergyIsTheNegativeLogDensityOfTheObservation()
    {
        var precision = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.5 }, { 0.5, 1.0 } });
        double[] o = [1.0, -1.0];
        double[] mu = [0.25, 0.5];
        var e = Vector<double>.Build.Dense([0.75, -1.5]);
        var expected = (0.5 * e.DotProduct(precision * e)) - (0.5 * Math.Log(precision.Determinant())) + Math.Log(2 * Math.PI);

        Assert.That(SimpleFreeEnergy.Compute(o, mu, precision), Is.EqualTo(expected).Within(1e-14));
        Assert.That(new SimpleFreeEnergy(precision).Compute(o, mu), Is.EqualTo(expected).Within(1e-14));
    }
}
