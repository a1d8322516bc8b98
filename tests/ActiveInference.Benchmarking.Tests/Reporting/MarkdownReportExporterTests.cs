using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class MarkdownReportExporterTests
{
    private static readonly MarkdownReportExporter Exporter = new();

    [Test]
    public void HasTheSeedHeaderAndCounts()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.StartWith("# Performance Report\n"));
        Assert.That(md, Does.Contain("- **Generated:** 2025-03-01 12:30:45 UTC\n"));
        Assert.That(md, Does.Contain("- **Total benchmarks:** 3\n"));
        Assert.That(md, Does.Contain("- **Regressions:** 1\n"));
    }

    [Test]
    public void ListsEachRegressionWithCurrentBaselineAndChange()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.Contain("## ⚠️ Regressions Detected"));
        Assert.That(md, Does.Contain("- **Update(1000)** (ActiveInference.Core.PerfTests.Inference): current 1.512 ms, baseline 1.225 ms (raw medians), change +23.4% \\[+18.0%, +29.0%\\]."));
        Assert.That(md, Does.Not.Contain("No regressions detected"));
    }

    [Test]
    public void SaysNoRegressionsWhenThereAreNone()
    {
        var clean = SampleRun.Result("S.A", "A", "S", 100, gate: new GateOutcome { Verdict = Verdict.Passed, Message = "ok", Ratio = 1.0, Threshold = 0.1, BaselineMedianNanoseconds = 100, CurrentMedianNanoseconds = 100 });
        var md = Exporter.ExportToString(SampleRun.Create(clean));
        Assert.That(md, Does.Contain("\n✅ No regressions detected\n"));
        Assert.That(md, Does.Not.Contain("Regressions Detected"));
    }

    [Test]
    public void HasAMeasurementTableAndAComparisonTablePerSuite()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.Contain("\n## ActiveInference.Core.PerfTests.FreeEnergy\n"));
        Assert.That(md, Does.Contain("\n## ActiveInference.Core.PerfTests.Inference\n"));
        Assert.That(md.Split('\n').Count(l => l.StartsWith("| Benchmark | Median |", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(md.Split('\n').Count(l => l.StartsWith("| Benchmark | Verdict |", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public void SaysAtTheTopWhatTheRunWasComparedWith()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.Contain(
            "- **Baseline:** commit 1b56a1b: 1 benchmark paired (its code measured beside this code, in the same processes); " +
            "the recorded numbers of 2025-02-27: 1 benchmark compared with them (the fallback when there is no baseline code)\n"));
        Assert.That(md.IndexOf("- **Baseline:**", StringComparison.Ordinal), Is.LessThan(md.IndexOf("\n## ", StringComparison.Ordinal)), "in the header list");
    }

    [Test]
    public void EachComparedBenchmarkShowsItsBaselineMethodChangeNoiseFloorAndRawMedians()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.Contain("| Update(1000) | Regressed | +23.4% \\[+18.0%, +29.0%\\] | ±2.1% | commit 1b56a1b | paired: 3 processes × 4 copies per side | 1.225 ms | 1.512 ms |\n"));
        Assert.That(md, Does.Contain("| FreeEnergy(10) | Passed | +1.2% \\[-1.0%, +3.0%\\] | ±3.4% | the recorded numbers of 2025-02-27 | recorded, state-matched: 1 process | 3.590 µs | 3.634 µs |\n"));
        Assert.That(md, Does.Contain("| Baseline raw median | Current raw median |"));
    }

    [Test]
    public void ABenchmarkTheBaselineLacksIsListedAgainstItAsNotCompared()
    {
        var brand = SampleRun.Result("S.Brand(1)", "Brand(1)", "S", 100, gate: new GateOutcome
        {
            Verdict = Verdict.New,
            Message = "Brand(1) is new: commit 1b56a1b has no such test",
            Threshold = 0.1,
            CurrentMedianNanoseconds = 100,
            Baseline = "commit 1b56a1b",
            BaselineCommit = SampleRun.PairedCommit,
        });
        var md = Exporter.ExportToString(SampleRun.Create(brand));
        Assert.That(md, Does.Contain("- **Baseline:** commit 1b56a1b: 1 benchmark not compared\n"));
        Assert.That(md, Does.Contain("| Brand(1) | New | - | - | commit 1b56a1b | not compared | - | 100.0 ns |\n"));
    }

    [Test]
    public void ResultsFromBeforeVerdictsNamedTheirBaselineDoNotClaimThereWasNone()
    {
        var old = SampleRun.Result("S.A", "A", "S", 100, gate: new GateOutcome { Verdict = Verdict.Passed, Message = "ok", Ratio = 1.01, Threshold = 0.1, BaselineMedianNanoseconds = 99, CurrentMedianNanoseconds = 100 });
        var md = Exporter.ExportToString(SampleRun.Create(old));
        Assert.That(md, Does.Contain("- **Baseline:** not named (the results come from a version that did not record it)\n"));
        Assert.That(md, Does.Contain("| A | Passed | +1.0% | - | - | - | 99.00 ns | 100.0 ns |\n"), "how it was measured is unknown, not 'not compared'");
    }

    [Test]
    public void ARunWithoutComparisonsSaysSoAtTheTop()
    {
        var md = Exporter.ExportToString(SampleRun.Create(SampleRun.Result("S.A", "A", "S", 100)) with
        {
            Config = new Dictionary<string, string> { ["mode"] = "measure" },
        });
        Assert.That(md, Does.Contain("- **Baseline:** none: no benchmark was gated (mode measure)\n"));
        Assert.That(md, Does.Not.Contain("| Benchmark | Verdict |"), "no comparison table without a gate");
        Assert.That(md, Does.Not.Contain("Raw medians are"));
    }

    [Test]
    public void AGateRunThatComparedNothingSaysWhyAndWhatToDoAtTheTop()
    {
        var inconclusive = SampleRun.Result("S.A", "A", "S", 100, gate: new GateOutcome { Verdict = Verdict.Inconclusive, Message = "A inconclusive: nothing to compare with: there is no baseline code (x) and no baselines file at /r/baselines.json", Threshold = 0.1, CurrentMedianNanoseconds = 100 });

        var md = Exporter.ExportToString(SampleRun.Create(inconclusive));

        Assert.That(md, Does.StartWith(
            "# Performance Report\n\n" +
            "> ⚠️ **Nothing was gated: this gate run compared no benchmark.**\n" +
            "> - 1 of 1 benchmark could not be compared: nothing to compare with: there is no baseline code (x) and no baselines file at /r/baselines.json\n" +
            ">\n" +
            "> Record baselines: `" + UncomparedRun.RecordCommand + "`\n\n- **Generated:**"));
        Assert.That(md, Does.Contain("\n⚠️ No benchmark was compared, so no regression could be detected\n"));
        Assert.That(md, Does.Not.Contain("✅"));
    }

    [Test]
    public void AGateRunThatComparedSomethingHasNoNothingGatedNote()
    {
        var md = Exporter.ExportToString(SampleRun.Create());

        Assert.That(md, Does.Not.Contain("Nothing was gated"));
    }

    [TestCase("a|b")]
    [TestCase("x\ny")]
    [TestCase("`code` **bold** _em_")]
    [TestCase("<script>alert(1)</script>")]
    [TestCase("[link](http://x) ~strike~ $math$")]
    [TestCase("back\\slash|")]
    public void AHostileNameCannotBreakTheTable(string name)
    {
        var md = Exporter.ExportToString(SampleRun.Create(SampleRun.Result("S." + name, name, "S", 100)));
        var row = md.Split('\n').Single(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Benchmark", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal));
        Assert.That(UnescapedPipes(row), Is.EqualTo(ResultRowHeaderCount() + 1), row);
        Assert.That(row, Does.Not.Contain("<").And.Not.Contain(">"));
    }

    private static int ResultRowHeaderCount() =>
        Exporter.ExportToString(SampleRun.Create()).Split('\n').First(l => l.StartsWith("| Benchmark", StringComparison.Ordinal)).Count(c => c == '|') - 1;

    private static int UnescapedPipes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\') { i++; }
            else if (line[i] == '|') { count++; }
        }

        return count;
    }
}
