using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Statistics;
using ActiveInference.PerfMonitor;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.PerfMonitor.MonitorSamples;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class HistoryCommandTests
{
    private MonitorSamples _samples = null!;

    [SetUp]
    public void SetUp()
    {
        _samples = new MonitorSamples();
        var store = new HistoryStore(_samples.PathOf("history.db"));
        // Update(10) steps from 1 µs to 1.5 µs after run 8; FreeEnergy(10) stays flat.
        for (var i = 0; i < 16; i++)
        {
            var median = i < 8 ? 1000 + i % 3 : 1500 + i % 3;
            store.Append(Run(Result("Update(10)", median, Verdict.Passed), Result("FreeEnergy(10)", 2000 + i % 2, Verdict.Passed))
                with
            { Timestamp = Time.AddDays(i), Commit = $"commit{i:00}abcdef" });
        }
    }

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    public void WithoutABenchmarkListsEveryBenchmarkWithItsLatestMedianAndRuns()
    {
        var outcome = _samples.Invoke("history", "--db", "history.db");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"Kernels\.Update\(10\)\s+1\.498 µs\s+16\s+2026-03-16 12:00\s+Passed"));
        Assert.That(outcome.Out, Does.Match(@"Kernels\.FreeEnergy\(10\)\s+1\.999 µs\s+16"));
    }

    [Test]
    public void ABenchmarkShowsItsRunsAndTheChangePoint()
    {
        var outcome = _samples.Invoke("history", "Update(10)", "--db", "history.db");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Match(@"\s9\s+2026-03-09 12:00\s+commit08ab\s+1\.500 µs\s+Passed\s+0\.0%\s+-\s+-\s+<- level change"));
        Assert.That(outcome.Out, Does.Contain("from run #9 (2026-03-09 12:00, commit commit08ab): raw median 999.9 ns -> 1.499 µs (+50.0%)"));
    }

    [Test]
    public void ARunShowsHowItsVerdictWasMeasured()
    {
        var paired = Result("Update(10)", 1234, Verdict.Regressed);
        paired = paired with
        {
            Gate = GateOutcome.Compared(Verdict.Regressed, "regressed", 0.1, ComparisonMethod.Paired,
                new BaselineName("commit 1b56a1b", "1b56a1b0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7"), processes: 3, baselineMedianNanoseconds: 1000,
                currentMedianNanoseconds: 1234, ratio: 1.234, ratioInterval: new ConfidenceInterval(1.18, 1.29, 0.997), noiseFloor: 0.021) with
            { CopiesPerSide = 4 },
        };
        new HistoryStore(_samples.PathOf("history.db")).Append(Run(paired) with { Timestamp = Time.AddDays(20), Commit = "commit20abcdef" });

        var trend = _samples.Invoke("history", "Update(10)", "--db", "history.db");
        var list = _samples.Invoke("history", "--db", "history.db");

        Assert.That(trend.Code, Is.EqualTo(ExitCodes.Clean), trend.ToString());
        Assert.That(trend.Out, Does.Match(@"17\s+2026-03-21 12:00\s+commit20ab\s+[0-9.]+ µs\s+Regressed\s+\+23\.4% \[\+18\.0%, \+29\.0%\]\s+±2\.1%\s+commit 1b56a1b \(paired 3×4\)"));
        Assert.That(list.Out, Does.Match(@"Kernels\.Update\(10\)\s+[0-9.]+ µs\s+17\s+2026-03-21 12:00\s+Regressed\s+commit 1b56a1b \(paired 3×4\)"));
    }

    [Test]
    public void AFlatBenchmarkHasNoChangePoints()
    {
        var outcome = _samples.Invoke("history", "ActiveInference.Core.PerfTests.Kernels.FreeEnergy(10)", "--db", "history.db");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("No change points in 16 run(s)."));
    }

    [Test]
    public void AnUnknownBenchmarkIsAnError()
    {
        var outcome = _samples.Invoke("history", "Nope(1)", "--db", "history.db");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("unknown benchmark 'Nope(1)'"));
    }

    [Test]
    public void AnotherProfileHasNoRuns()
    {
        var outcome = _samples.Invoke("history", "--db", "history.db", "--profile", "elsewhere");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Clean), outcome.ToString());
        Assert.That(outcome.Out, Does.Contain("No benchmarks recorded on profile elsewhere"));
    }

    [Test]
    public void AMissingDatabaseIsAnErrorAndIsNotCreated()
    {
        var outcome = _samples.Invoke("history", "--db", "none.db");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error));
        Assert.That(File.Exists(_samples.PathOf("none.db")), Is.False);
    }

    [Test]
    public void ACorruptDatabaseIsAnError()
    {
        File.WriteAllText(_samples.PathOf("bad.db"), "this is not sqlite, just text long enough to look like a header............");
        var outcome = _samples.Invoke("history", "--db", "bad.db");
        Assert.That(outcome.Code, Is.EqualTo(ExitCodes.Error), outcome.ToString());
        Assert.That(outcome.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }
}
