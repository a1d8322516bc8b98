using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class MarkdownReportExporterTests
{
    private static readonly MarkdownReportExporter Exporter = new();

    [Test]
    public void Has_the_seed_header_and_counts()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.StartWith("# Performance Report\n"));
        Assert.That(md, Does.Contain("- **Generated:** 2025-03-01 12:30:45 UTC\n"));
        Assert.That(md, Does.Contain("- **Total benchmarks:** 3\n"));
        Assert.That(md, Does.Contain("- **Regressions:** 1\n"));
    }

    [Test]
    public void Lists_each_regression_with_current_baseline_and_change()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.Contain("## ⚠️ Regressions Detected"));
        Assert.That(md, Does.Contain("- **Update(1000)** (ActiveInference.Core.PerfTests.Inference): current 1.512 ms, baseline 1.225 ms, change +23.4%."));
        Assert.That(md, Does.Not.Contain("No regressions detected"));
    }

    [Test]
    public void Says_no_regressions_when_there_are_none()
    {
        var clean = SampleRun.Result("S.A", "A", "S", 100, gate: new GateOutcome(Verdict.Passed, "ok", 1.0, null, 0.5, 0.1, 100, 100));
        var md = Exporter.ExportToString(SampleRun.Create(clean));
        Assert.That(md, Does.Contain("\n✅ No regressions detected\n"));
        Assert.That(md, Does.Not.Contain("Regressions Detected"));
    }

    [Test]
    public void Has_one_table_per_suite()
    {
        var md = Exporter.ExportToString(SampleRun.Create());
        Assert.That(md, Does.Contain("\n## ActiveInference.Core.PerfTests.FreeEnergy\n"));
        Assert.That(md, Does.Contain("\n## ActiveInference.Core.PerfTests.Inference\n"));
        Assert.That(md.Split('\n').Count(l => l.StartsWith("| Benchmark |", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [TestCase("a|b")]
    [TestCase("x\ny")]
    [TestCase("`code` **bold** _em_")]
    [TestCase("<script>alert(1)</script>")]
    [TestCase("[link](http://x) ~strike~ $math$")]
    [TestCase("back\\slash|")]
    public void A_hostile_name_cannot_break_the_table(string name)
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
