using System.Text.Json;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class ResultsJsonExporterTests
{
    private static JsonElement Export(RunReport report)
    {
        using var document = JsonDocument.Parse(new ResultsJsonExporter().ExportToString(report));
        return document.RootElement.Clone();
    }

    [Test]
    public void SeedTopLevelFieldsArePresentAndTyped()
    {
        var root = Export(SampleRun.Create());
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("benchmark_suite").GetString(), Is.EqualTo("ActiveInference.Core.PerfTests"));
            Assert.That(root.GetProperty("timestamp").GetString(), Is.EqualTo("2025-03-01T12:30:45.0000000Z"));
            Assert.That(root.GetProperty("config").ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(root.GetProperty("config").GetProperty("threshold").GetString(), Is.EqualTo("0.1"));
            Assert.That(root.GetProperty("results").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(root.GetProperty("results").GetArrayLength(), Is.EqualTo(3));
        });
    }

    [Test]
    public void SeedResultFieldsArePresentTypedAndInMilliseconds()
    {
        var report = SampleRun.Create();
        var first = report.OrderedResults()[0].Measured;
        var result = Export(report).GetProperty("results")[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("name").GetString(), Is.EqualTo(first.Name));
            Assert.That(result.GetProperty("mean_time_ms").GetDouble(), Is.EqualTo(first.Time.Mean / 1e6));
            Assert.That(result.GetProperty("std_dev_ms").GetDouble(), Is.EqualTo(first.Time.StandardDeviation / 1e6));
            Assert.That(result.GetProperty("min_time_ms").GetDouble(), Is.EqualTo(first.Time.Min / 1e6));
            Assert.That(result.GetProperty("max_time_ms").GetDouble(), Is.EqualTo(first.Time.Max / 1e6));
            Assert.That(result.GetProperty("iterations").GetInt32(), Is.EqualTo(first.Time.N));
            Assert.That(result.GetProperty("custom_metrics").GetProperty("free_energy").GetDouble(), Is.EqualTo(-1.2345678901234567));
        });
    }

    [Test]
    public void OurFieldsArePresentWithTheGateComparison()
    {
        var regressed = Export(SampleRun.Create()).GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "Update(1000)");
        var root = Export(SampleRun.Create());
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("schema_version").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("machine_profile").GetProperty("id").GetString(), Is.EqualTo("linux-x64-2cpu"));
            Assert.That(root.GetProperty("commit").GetString(), Is.EqualTo("0123456789abcdef"));
            Assert.That(root.GetProperty("regressions").GetInt32(), Is.EqualTo(1));
            Assert.That(regressed.GetProperty("median_ns").GetDouble(), Is.EqualTo(1_512_345.6));
            Assert.That(regressed.GetProperty("median_interval_ns").GetProperty("level").GetDouble(), Is.EqualTo(0.95));
            Assert.That(regressed.GetProperty("gc").GetProperty("gen0").GetInt32(), Is.EqualTo(0));
            Assert.That(regressed.GetProperty("verdict").GetString(), Is.EqualTo("regressed"));
            var comparison = regressed.GetProperty("baseline_comparison");
            Assert.That(comparison.GetProperty("ratio").GetDouble(), Is.EqualTo(1.234));
            Assert.That(comparison.GetProperty("p_value").ValueKind, Is.EqualTo(JsonValueKind.Null), "the paired gate has no p-value");
            Assert.That(comparison.GetProperty("method").GetString(), Is.EqualTo("paired"));
            Assert.That(comparison.GetProperty("baseline").GetString(), Is.EqualTo("commit 1b56a1b"));
            Assert.That(comparison.GetProperty("baseline_commit").GetString(), Is.EqualTo(SampleRun.PairedCommit));
            Assert.That(comparison.GetProperty("processes").GetInt32(), Is.EqualTo(3));
            Assert.That(comparison.GetProperty("copies_per_side").GetInt32(), Is.EqualTo(4));
            Assert.That(comparison.GetProperty("noise_floor").GetDouble(), Is.EqualTo(0.021));
            Assert.That(comparison.GetProperty("baseline_median_ns").GetDouble(), Is.EqualTo(1_225_000));
            Assert.That(comparison.GetProperty("current_median_ns").GetDouble(), Is.EqualTo(1_512_345.6));
            Assert.That(comparison.GetProperty("threshold").GetDouble(), Is.EqualTo(0.10));
            Assert.That(comparison.GetProperty("ratio_interval").GetProperty("upper").GetDouble(), Is.EqualTo(1.29));
            Assert.That(regressed.GetProperty("samples_ns_per_op").GetArrayLength(), Is.EqualTo(5));
        });
    }

    [Test]
    public void NaNAndInfinityAreWrittenAsNullSoTheFileStaysValidJson()
    {
        var result = SampleRun.Result("S.B(1)", "B(1)", "S", double.NaN,
            gate: new GateOutcome { Verdict = Verdict.Inconclusive, Message = "noisy", Ratio = double.PositiveInfinity, Threshold = 0.1, CurrentMedianNanoseconds = double.NaN });
        var json = new ResultsJsonExporter().ExportToString(SampleRun.Create(result));
        var element = JsonDocument.Parse(json).RootElement.GetProperty("results")[0];
        Assert.Multiple(() =>
        {
            Assert.That(element.GetProperty("median_ns").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(element.GetProperty("mean_time_ms").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(element.GetProperty("baseline_comparison").GetProperty("ratio").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void DoublesAreWrittenSoTheyReadBackExactly()
    {
        var result = SampleRun.Result("S.B(1)", "B(1)", "S", 0.1 + 0.2);
        var element = Export(SampleRun.Create(result)).GetProperty("results")[0];
        Assert.That(element.GetProperty("median_ns").GetDouble(), Is.EqualTo(0.1 + 0.2));
    }
}
