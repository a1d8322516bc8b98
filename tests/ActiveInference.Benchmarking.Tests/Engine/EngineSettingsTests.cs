using System.Globalization;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

[TestFixture]
internal class EngineSettingsTests
{
    private static IEnumerable<TestCaseData> InvalidSettings()
    {
        var d = new EngineSettings();
        yield return new TestCaseData(d with { Iterations = 0 }, "Iterations = 0").SetName("Iterations zero");
        yield return new TestCaseData(d with { Iterations = -3 }, "Iterations = -3").SetName("Iterations negative");
        yield return new TestCaseData(d with { WarmupIterations = -1 }, "Warmup = -1").SetName("Warmup negative");
        yield return new TestCaseData(d with { TimeLimit = TimeSpan.Zero }, "TimeLimit = 0 s").SetName("TimeLimit zero");
        yield return new TestCaseData(d with { TimeLimit = TimeSpan.FromSeconds(-1.5) }, "TimeLimit = -1.5 s").SetName("TimeLimit negative");
        yield return new TestCaseData(d with { MinSampleTime = TimeSpan.Zero }, "MinSampleTimeMilliseconds = 0").SetName("MinSampleTime zero");
        yield return new TestCaseData(d with { WarmupTime = TimeSpan.FromMilliseconds(-2) }, "WarmupTimeMilliseconds = -2").SetName("WarmupTime negative");
        yield return new TestCaseData(d with { MinMeasurementTime = TimeSpan.FromMilliseconds(-1) }, "MinMeasurementTimeMilliseconds = -1").SetName("MinMeasurementTime negative");
        yield return new TestCaseData(d with { OperationsPerSample = -5 }, "OperationsPerSample = -5").SetName("OperationsPerSample negative");
        yield return new TestCaseData(d with { Iterations = 50, MaxIterations = 10 }, "MaxIterations = 10").SetName("MaxIterations below Iterations");
    }

    [TestCaseSource(nameof(InvalidSettings))]
    public void ValidateNamesTheSettingAndItsValue(EngineSettings settings, string expected)
    {
        Assert.That(settings.Validate(), Has.Some.Contains(expected));
    }

    [Test]
    public void ValidateWritesNumbersInTheInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.That(new EngineSettings { TimeLimit = TimeSpan.FromSeconds(-1.5) }.Validate(), Has.Some.Contains("-1.5 s"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void ValidateAcceptsTheDefaults()
    {
        Assert.That(new EngineSettings().Validate(), Is.Empty);
    }

    [Test]
    public void ValidateReportsEveryProblem()
    {
        var settings = new EngineSettings { Iterations = 0, WarmupIterations = -1 };

        Assert.That(settings.Validate(), Has.Count.EqualTo(2));
    }
}
