using System.Globalization;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Execution;

[TestFixture]
public class PerfBenchmarkAttributeTests
{
    private static IEnumerable<TestCaseData> InvalidAttributes()
    {
        yield return new TestCaseData(new PerfBenchmarkAttribute { Iterations = 0 }, "Iterations = 0").SetName("Iterations zero");
        yield return new TestCaseData(new PerfBenchmarkAttribute(-2, 5, 10), "Iterations = -2").SetName("Iterations negative (constructor)");
        yield return new TestCaseData(new PerfBenchmarkAttribute { Warmup = -1 }, "Warmup = -1").SetName("Warmup negative");
        yield return new TestCaseData(new PerfBenchmarkAttribute { TimeLimit = -1 }, "TimeLimit = -1 s").SetName("TimeLimit negative");
        yield return new TestCaseData(new PerfBenchmarkAttribute { TimeLimit = 0 }, "TimeLimit = 0 s").SetName("TimeLimit zero");
        yield return new TestCaseData(new PerfBenchmarkAttribute { TimeLimit = double.NaN }, "TimeLimit = NaN s").SetName("TimeLimit NaN");
        yield return new TestCaseData(new PerfBenchmarkAttribute { TimeLimit = double.PositiveInfinity }, "TimeLimit = Infinity s").SetName("TimeLimit infinite");
        yield return new TestCaseData(new PerfBenchmarkAttribute { MinSampleTimeMilliseconds = 0 }, "MinSampleTimeMilliseconds = 0").SetName("MinSampleTime zero");
        yield return new TestCaseData(new PerfBenchmarkAttribute { WarmupTimeMilliseconds = -5 }, "WarmupTimeMilliseconds = -5").SetName("WarmupTime negative");
        yield return new TestCaseData(new PerfBenchmarkAttribute { MinMeasurementTimeMilliseconds = double.NaN }, "MinMeasurementTimeMilliseconds = NaN").SetName("MinMeasurementTime NaN");
        yield return new TestCaseData(new PerfBenchmarkAttribute { OperationsPerSample = -1 }, "OperationsPerSample = -1").SetName("OperationsPerSample negative");
        yield return new TestCaseData(new PerfBenchmarkAttribute { Threshold = -0.1 }, "Threshold = -0.1").SetName("Threshold negative");
        yield return new TestCaseData(new PerfBenchmarkAttribute { Threshold = double.PositiveInfinity }, "Threshold = Infinity").SetName("Threshold infinite");
        yield return new TestCaseData(new PerfBenchmarkAttribute { Threshold = 100 }, "Threshold = 100").SetName("Threshold 100");
        yield return new TestCaseData(new PerfBenchmarkAttribute { Iterations = 5000 }, "MaxIterations = 2000").SetName("Iterations above the engine's maximum");
        yield return new TestCaseData(new PerfBenchmarkAttribute { TimeLimit = 1e300 }, "TimeLimit = 1E+300 s").SetName("TimeLimit beyond a TimeSpan");
    }

    [TestCaseSource(nameof(InvalidAttributes))]
    public void ValidateNamesThePropertyAndItsValue(PerfBenchmarkAttribute attribute, string expected)
    {
        Assert.That(attribute.Validate(), Has.Some.Contains(expected));
    }

    [Test]
    public void ValidateAcceptsTheDefaults()
    {
        Assert.That(new PerfBenchmarkAttribute().Validate(), Is.Empty);
    }

    [TestCase(0.0)]
    [TestCase(0.25)]
    [TestCase(double.NaN)]
    public void ValidateAcceptsAThresholdFractionOrUnset(double threshold)
    {
        Assert.That(new PerfBenchmarkAttribute { Threshold = threshold }.Validate(), Is.Empty);
    }

    [Test]
    public void ValidateWritesNumbersInTheInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.That(new PerfBenchmarkAttribute { TimeLimit = -1.5 }.Validate(), Has.Some.Contains("TimeLimit = -1.5 s"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void ConstructorSetsTheNamedProperties()
    {
        var attribute = new PerfBenchmarkAttribute(12, 3, 2.5);

        Assert.That((attribute.Iterations, attribute.Warmup, attribute.TimeLimit), Is.EqualTo((12, 3, 2.5)));
    }

    [Test]
    public void ToEngineSettingsConvertsUnits()
    {
        var settings = new PerfBenchmarkAttribute
        {
            Iterations = 12,
            Warmup = 3,
            TimeLimit = 2.5,
            MinSampleTimeMilliseconds = 0.5,
            WarmupTimeMilliseconds = 150,
            MinMeasurementTimeMilliseconds = 250,
            OperationsPerSample = 4,
        }.ToEngineSettings();

        Assert.Multiple(() =>
        {
            Assert.That(settings.Iterations, Is.EqualTo(12));
            Assert.That(settings.WarmupIterations, Is.EqualTo(3));
            Assert.That(settings.TimeLimit, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(settings.MinSampleTime, Is.EqualTo(TimeSpan.FromMilliseconds(0.5)));
            Assert.That(settings.WarmupTime, Is.EqualTo(TimeSpan.FromMilliseconds(150)));
            Assert.That(settings.MinMeasurementTime, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(settings.OperationsPerSample, Is.EqualTo(4));
            Assert.That(settings.Validate(), Is.Empty);
        });
    }
}
