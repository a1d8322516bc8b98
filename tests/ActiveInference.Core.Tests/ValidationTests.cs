using ActiveInference.Core.Continuous;
using ActiveInference.Core.Discrete;
using MathNet.Numerics.LinearAlgebra;

namespace ActiveInference.Core.Tests;

/// <summary>Bad input throws ArgumentException (or a subclass) naming the argument and the problem.</summary>
[TestFixture]
public sealed class ValidationTests
{
    private static readonly Matrix<double> W = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.5 }, { 0.0, 1.0 }, { 2.0, -1.0 } });
    private static readonly Vector<double> Eta = Vector<double>.Build.Dense([0.0, 1.0]);
    private static readonly Matrix<double> PiX = Matrix<double>.Build.DenseIdentity(2);
    private static readonly Matrix<double> PiO = Matrix<double>.Build.DenseIdentity(3);

    [Test]
    public void PriorMeanOfTheWrongLengthIsAMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => new LinearGaussianModel(W, Vector<double>.Build.Dense(3), PiX, PiO))!;
        Assert.That(e.ParamName, Is.EqualTo("priorMean"));
        Assert.That(e.Message, Does.Contain("Dimension mismatch").And.Contain("3").And.Contain("2"));
    }

    [Test]
    public void ObservationPrecisionOfTheWrongSizeIsAMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => new LinearGaussianModel(W, Eta, PiX, Matrix<double>.Build.DenseIdentity(2)))!;
        Assert.That(e.ParamName, Is.EqualTo("observationPrecision"));
        Assert.That(e.Message, Does.Contain("Dimension mismatch"));
    }

    [Test]
    public void AnAsymmetricPrecisionIsRejected()
    {
        var bad = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.2 }, { 0.0, 1.0 } });
        var e = Assert.Throws<ArgumentException>(() => new LinearGaussianModel(W, Eta, bad, PiO))!;
        Assert.That(e.ParamName, Is.EqualTo("priorPrecision"));
        Assert.That(e.Message, Does.Contain("not symmetric"));
    }

    [Test]
    public void AnIndefinitePrecisionIsRejected()
    {
        var bad = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } });
        var e = Assert.Throws<ArgumentException>(() => new LinearGaussianModel(W, Eta, bad, PiO))!;
        Assert.That(e.ParamName, Is.EqualTo("priorPrecision"));
        Assert.That(e.Message, Does.Contain("positive definite"));
        Assert.Throws<ArgumentException>(() => SimpleFreeEnergy.Compute([1.0, 2.0], [0.0, 0.0], bad));
    }

    [Test]
    public void NaNInAnObservationIsRejectedWithItsIndex()
    {
        var model = new LinearGaussianModel(W, Eta, PiX, PiO);
        double[] o = [1.0, double.NaN, 0.0];
        var e = Assert.Throws<ArgumentException>(() => model.FreeEnergy([0.0, 0.0], o))!;
        Assert.That(e.ParamName, Is.EqualTo("o"));
        Assert.That(e.Message, Does.Contain("o[1] is NaN"));
        Assert.Throws<ArgumentException>(() => new BeliefState(model).Update(o));
        Assert.Throws<ArgumentException>(() => new VariationalInference(model).Infer(o));
        Assert.Throws<ArgumentException>(() => model.ExactPosterior(o));
        Assert.Throws<ArgumentException>(() => SimpleFreeEnergy.Compute([double.NaN], [0.0], Matrix<double>.Build.DenseIdentity(1)));
    }

    [Test]
    public void AnObservationOfTheWrongLengthIsAMismatch()
    {
        var model = new LinearGaussianModel(W, Eta, PiX, PiO);
        var e = Assert.Throws<ArgumentException>(() => model.FreeEnergy([0.0, 0.0], [1.0, 2.0]))!;
        Assert.That(e.ParamName, Is.EqualTo("o"));
        Assert.That(e.Message, Does.Contain("Dimension mismatch"));
    }

    [Test]
    public void ALikelihoodColumnThatDoesNotSumToOneIsRejected()
    {
        double[] a = [0.5, 0.5, 0.6, 0.5]; // A[0] is 2×2: column 0 sums to 1.1
        var e = Assert.Throws<ArgumentException>(() => Model(a: a))!;
        Assert.That(e.ParamName, Is.EqualTo("a[0]"));
        Assert.That(e.Message, Does.Contain("sums to").And.Contain("not 1"));
    }

    [Test]
    public void ANegativeProbabilityIsRejected()
    {
        double[] a = [1.2, 0.5, -0.2, 0.5];
        var e = Assert.Throws<ArgumentException>(() => Model(a: a))!;
        Assert.That(e.ParamName, Is.EqualTo("a[0]"));
        Assert.That(e.Message, Does.Contain("negative"));
    }

    [Test]
    public void APriorThatDoesNotSumToOneIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Model(d: [0.3, 0.3]))!;
        Assert.That(e.ParamName, Is.EqualTo("d[0]"));
        Assert.That(e.Message, Does.Contain("sums to 0.6"));
        var policyPrior = Assert.Throws<ArgumentException>(() => Model(e: [0.9, 0.9]))!;
        Assert.That(policyPrior.ParamName, Is.EqualTo("e"));
    }

    [Test]
    public void ATransitionColumnThatDoesNotSumToOneIsRejected()
    {
        // B[0] has shape (2, 2, 2); entry [1, 0, 1] raised.
        double[] b = [1, 0, 0, 1, 0, 0.5, 1, 0];
        var e = Assert.Throws<ArgumentException>(() => Model(b: b))!;
        Assert.That(e.ParamName, Is.EqualTo("b[0]"));
    }

    [Test]
    public void DiscreteDimensionMismatchesAreNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => Model(a: [0.5, 0.5, 0.5]))!;
        Assert.That(e.ParamName, Is.EqualTo("a[0]"));
        Assert.That(e.Message, Does.Contain("Dimension mismatch"));
        var policy = Assert.Throws<ArgumentException>(() => Model(policies: [new[,] { { 5 } }]))!;
        Assert.That(policy.ParamName, Is.EqualTo("policies"));
    }

    [Test]
    public void AnObservationIndexOutOfRangeIsRejected()
    {
        var agent = new Agent(Model());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => agent.InferStates([2]))!;
        Assert.That(e.ParamName, Is.EqualTo("observation"));
        Assert.Throws<ArgumentException>(() => agent.InferStates([0, 1]));
    }

    private static GenerativeModel Model(double[]? a = null, double[]? b = null, double[]? d = null, double[]? e = null, int[][,]? policies = null) =>
        new([2], [2], [2],
            [a ?? [0.9, 0.2, 0.1, 0.8]],
            [b ?? [1, 0, 0, 1, 0, 1, 1, 0]],
            [[0.0, 1.0]],
            [d ?? [0.5, 0.5]],
            e,
            policies ?? [new[,] { { 0 } }, new[,] { { 1 } }]);
}
