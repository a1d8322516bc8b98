using ActiveInference.PerfMonitor;
using ActiveInference.PerfMonitor.Bisect;
using ActiveInference.PerfMonitor.Commands;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class BisectCommandTests
{
    private MonitorSamples _samples = null!;
    private readonly List<string> _commits = [];

    [SetUp]
    public void CreateRepository()
    {
        _samples = new MonitorSamples();
        Git("init", "-q", "-b", "main");
        _commits.Clear();
        for (var i = 0; i < 6; i++)
        {
            Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", $"change {i}");
            _commits.Add(Git("rev-parse", "HEAD"));
        }
    }

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void TheStepIsNamedByItsFirstCommitWithItsSubjectAndTheChainOfMeasurements()
    {
        var (code, output) = Run(_commits[0], _commits[5], c => _commits.IndexOf(c) >= 3 ? 1.25 : 1.0);

        Assert.That(code, Is.EqualTo(ExitCodes.Clean));
        Assert.That(output, Does.Contain($"bisect: 5 commit(s) on the first-parent line from {_commits[0][..7]} (good) to {_commits[5][..7]} (bad)"));
        Assert.That(output, Does.Contain($"Step: B ×1.250 [1.225, 1.275] Regressed (2 processes × 4 copies), first at {_commits[3][..7]} \"change 3\" (parent {_commits[2][..7]})"));
        Assert.That(output, Does.Contain($"  {_commits[5][..7]} beside {_commits[0][..7]}: B ×1.250"));
    }

    [Test]
    public void ARangeWithNoStepSaysThereIsNothingToFind()
    {
        var (code, output) = Run(_commits[0], _commits[5], _ => 1.0);

        Assert.That(code, Is.EqualTo(ExitCodes.Clean));
        Assert.That(output, Does.Contain("No step of 10% or more between").And.Contain("nothing to find"));
    }

    [Test]
    public void ACommitMissingFromTheCloneSuggestsFetchingTheHistory()
    {
        var error = Assert.Throws<MonitorException>(() => Run("0123456789abcdef0123456789abcdef01234567", _commits[5], _ => 1.0))!;

        Assert.That(error.Message, Does.Contain("--good 0123456789abcdef0123456789abcdef01234567: no such commit").And.Contain("fetch-depth: 0"));
    }

    [Test]
    public void AGoodCommitAfterTheBadOneIsRefused()
    {
        var error = Assert.Throws<MonitorException>(() => Run(_commits[4], _commits[1], _ => 1.0))!;

        Assert.That(error.Message, Does.Contain("is not on the first-parent line of --bad"));
    }

    private (int Code, string Output) Run(string good, string bad, Func<string, double> time)
    {
        var output = new StringWriter();
        var context = new CliContext(output, new StringWriter(), _samples.Directory, new Dictionary<string, string>(), null!);
        var code = new BisectCommand(context).Execute(_samples.Directory, good, bad, 0.10, new Measurer(time));
        return (code, output.ToString());
    }

    private string Git(params string[] arguments)
    {
        var result = Benchmarking.IO.Git.Run(_samples.Directory, arguments);
        Assert.That(result.Succeeded, Is.True, result.Error);
        return result.Output;
    }

    private sealed class Measurer(Func<string, double> time) : IPairMeasurer
    {
        public PairMeasurement Measure(string current, string baseline)
        {
            var r = time(current) / time(baseline);
            return new PairMeasurement(current, baseline, new Dictionary<string, MeasuredRatio> { ["B"] = new(r, r * 0.98, r * 1.02, r >= 1.1 ? "Regressed" : "Passed", 2, 4) });
        }
    }
}
