using System.Globalization;
using ActiveInference.PerfMonitor;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class CommandLineTests
{
    private MonitorSamples _samples = null!;

    [SetUp]
    public void SetUp() => _samples = new MonitorSamples();

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void UnknownOptionIsAUsageErrorOnStderr()
    {
        var outcome = _samples.Invoke("compare", "a.json", "b.json", "--bogus");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("--bogus"));
        Assert.That(outcome.Out, Is.Empty);
    }

    [TestCase("abc")]
    [TestCase("10%")]
    [TestCase("0,1")]
    [TestCase("-0.1")]
    public void BadThresholdIsAUsageError(string threshold)
    {
        var outcome = _samples.Invoke("compare", "a.json", "b.json", "--threshold", threshold);
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("--threshold '" + threshold + "'"));
    }

    [Test]
    public void NoCommandIsAUsageError() =>
        Assert.That(_samples.Invoke().Code, Is.EqualTo(ExitCodes.Error));

    [Test]
    public void HelpIsClean() =>
        Assert.That(_samples.Invoke("--help").Code, Is.EqualTo(ExitCodes.Clean));

    [Test]
    public void MissingFileGivesOneLineAndExitTwo()
    {
        var outcome = _samples.Invoke("report", "missing.json");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(outcome.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(outcome.Error, Does.Contain("missing.json").And.Contain("file not found"));
    }

    [TestCase("{ not json")]
    [TestCase("")]
    [TestCase("{\"schema_version\": 1, \"results\": 3}")]
    [TestCase("[1, 2]")]
    public void CorruptResultsGiveOneLineAndExitTwo(string content)
    {
        File.WriteAllText(_samples.PathOf("results.json"), content);
        foreach (var args in new[] { new[] { "report", "results.json" }, ["compare", "results.json", "results.json"], ["merge", "results.json", "--output-dir", "out"] })
        {
            var outcome = _samples.Invoke(args);
            Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), string.Join(' ', args) + "\n" + outcome);
            Assert.That(outcome.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), outcome.ToString());
            Assert.That(outcome.Error, Does.Contain("results.json"));
        }
    }

    [TestCase("origin/main", true)]
    [TestCase("1b56a1b", true)]
    [TestCase("HEAD~3", true)]
    [TestCase("../baseline build", true)]
    [TestCase("-x", false)]
    [TestCase("--output=/tmp/x", false)]
    [TestCase("", false)]
    [TestCase("   ", false)]
    [TestCase("main\nrm -rf /", false)]
    public void ABaselineRefIsACommitIshOrAFolderNeverAnOption(string text, bool valid)
    {
        Assert.That(CliOptions.TryParseBaselineRef(text, out var problem), Is.EqualTo(valid), problem);
        Assert.That(problem, valid ? Is.Empty : Does.StartWith("--baseline-ref"));
    }

    [Test]
    public void RunHelpListsTheBaselineRef()
    {
        var outcome = _samples.Invoke("run", "--help");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("--baseline-ref"));
    }

    [Test]
    public void ThresholdIsParsedInTheInvariantCultureWhateverTheMachineCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.That(CliOptions.TryParseThreshold("0.15", out var value, out _), Is.True);
            Assert.That(value, Is.EqualTo(0.15));
            Assert.That(CliOptions.TryParseThreshold("0,15", out _, out _), Is.False);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
