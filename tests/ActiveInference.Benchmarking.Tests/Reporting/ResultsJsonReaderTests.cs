using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class ResultsJsonReaderTests
{
    private static readonly ResultsJsonExporter Exporter = new();

    [Test]
    public void AWrittenReportReadsBackWhole()
    {
        var report = SampleRun.Create();
        var json = Exporter.ExportToString(report);

        var read = ResultsJsonReader.Parse(json, "test");

        Assert.That(Exporter.ExportToString(read), Is.EqualTo(json), "writing the read report gives the same file");
        var original = report.OrderedResults()[0];
        var back = read.OrderedResults()[0];
        Assert.Multiple(() =>
        {
            Assert.That(read.Suite, Is.EqualTo(report.Suite));
            Assert.That(read.Timestamp, Is.EqualTo(report.Timestamp));
            Assert.That(read.Config, Is.EquivalentTo(report.Config));
            Assert.That(read.MachineProfileId, Is.EqualTo(report.MachineProfileId));
            Assert.That(read.MachineProfileDescription, Is.EqualTo(report.MachineProfileDescription));
            Assert.That(read.Commit, Is.EqualTo(report.Commit));
            Assert.That(read.Branch, Is.EqualTo(report.Branch));
            Assert.That(back.Measured.FullName, Is.EqualTo(original.Measured.FullName));
            Assert.That(back.Measured.Time, Is.EqualTo(original.Measured.Time));
            Assert.That(back.Measured.SamplesNanosecondsPerOperation, Is.EqualTo(original.Measured.SamplesNanosecondsPerOperation));
            Assert.That(back.Measured.NormalisedSamples, Is.EqualTo(original.Measured.NormalisedSamples));
            Assert.That(back.Gate, Is.EqualTo(original.Gate));
            Assert.That(back.Measured.Elapsed, Is.EqualTo(original.Measured.Elapsed));
            Assert.That(back.Measured.Timestamp, Is.EqualTo(original.Measured.Timestamp));
            Assert.That(back.Measured.CustomMetrics, Is.EquivalentTo(original.Measured.CustomMetrics));
            Assert.That(read.OrderedResults()[2].Measured.TrustIssues, Is.EqualTo(report.OrderedResults()[2].Measured.TrustIssues));
            Assert.That(read.OrderedResults()[2].Measured.Gc, Is.EqualTo(report.OrderedResults()[2].Measured.Gc));
        });
    }

    [Test]
    public void HowEachVerdictWasMeasuredReadsBack()
    {
        var report = SampleRun.Create();
        var read = ResultsJsonReader.Parse(Exporter.ExportToString(report), "test");

        var gates = read.OrderedResults().Select(r => r.Gate).ToArray();
        Assert.That(gates, Is.EqualTo(report.OrderedResults().Select(r => r.Gate).ToArray()), "every gate outcome, all its fields");
        var paired = read.Results.Single(r => r.Measured.Name == "Update(1000)").Gate!;
        var recorded = read.Results.Single(r => r.Measured.Name == "FreeEnergy(10)").Gate!;
        Assert.Multiple(() =>
        {
            Assert.That(paired.Method, Is.EqualTo(ComparisonMethod.Paired));
            Assert.That(paired.Baseline, Is.EqualTo("commit 1b56a1b"));
            Assert.That(paired.BaselineCommit, Is.EqualTo(SampleRun.PairedCommit));
            Assert.That(paired.Processes, Is.EqualTo(3));
            Assert.That(paired.CopiesPerSide, Is.EqualTo(4));
            Assert.That(paired.NoiseFloor, Is.EqualTo(0.021));
            Assert.That(paired.RatioInterval, Is.EqualTo(new ActiveInference.Benchmarking.Statistics.ConfidenceInterval(1.18, 1.29, 0.997)));
            Assert.That(paired.BaselineMedianNanoseconds, Is.EqualTo(1_225_000));
            Assert.That(paired.CurrentMedianNanoseconds, Is.EqualTo(1_512_345.6));
            Assert.That(recorded.Method, Is.EqualTo(ComparisonMethod.Recorded));
            Assert.That(recorded.Baseline, Is.EqualTo("the recorded numbers of 2025-02-27"));
            Assert.That(recorded.BaselineCommit, Is.EqualTo(SampleRun.RecordedCommit));
            Assert.That(recorded.Processes, Is.EqualTo(1));
            Assert.That(recorded.CopiesPerSide, Is.Zero);
            Assert.That(recorded.NoiseFloor, Is.EqualTo(0.034));
        });
    }

    [Test]
    public void AVerdictWithoutAComparisonReadsBackWithMethodNone()
    {
        var result = SampleRun.Result("S.B(1)", "B(1)", "S", 100, gate: new GateOutcome { Verdict = Verdict.New, Message = "new", Threshold = 0.1, CurrentMedianNanoseconds = 100 });
        var json = Exporter.ExportToString(SampleRun.Create(result));

        var gate = ResultsJsonReader.Parse(json, "test").Results[0].Gate!;

        var written = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("results")[0].GetProperty("baseline_comparison");
        Assert.That(written.TryGetProperty("method", out _) || written.TryGetProperty("baseline", out _), Is.False, "defaults are left out, as before the paired gate");
        Assert.That((gate.Method, gate.Baseline, gate.BaselineCommit, gate.Processes, gate.CopiesPerSide, gate.NoiseFloor),
            Is.EqualTo((ComparisonMethod.None, (string?)null, (string?)null, 0, 0, (double?)null)));
    }

    [Test]
    public void NaNReadsBackAsNaN()
    {
        var result = SampleRun.Result("S.B(1)", "B(1)", "S", double.NaN,
            gate: new GateOutcome { Verdict = Verdict.Inconclusive, Message = "noisy", Threshold = 0.1, CurrentMedianNanoseconds = double.NaN });
        var read = ResultsJsonReader.Parse(Exporter.ExportToString(SampleRun.Create(result)), "test");
        Assert.That(read.Results[0].Measured.Time.Median, Is.NaN);
        Assert.That(read.Results[0].Gate!.CurrentMedianNanoseconds, Is.NaN);
    }

    [Test]
    public void StateProbeTimesReadBackSoABaselineUpdatedFromResultsKeepsThem()
    {
        var result = SampleRun.Result("S.B(1)", "B(1)", "S", 100).Measured;
        var n = result.SamplesNanosecondsPerOperation.Count;
        result = result with { StateSamples = new Dictionary<string, IReadOnlyList<double>> { ["branch-4k"] = Enumerable.Repeat(6000.0, n).ToArray() } };
        var json = Exporter.ExportToString(SampleRun.Create(new GatedResult(result)));

        var read = ResultsJsonReader.Parse(json, "test");

        Assert.That(json, Does.Contain("\"state_samples\": {"));
        Assert.That(read.Results[0].Measured.StateSamples["branch-4k"], Is.EqualTo(Enumerable.Repeat(6000.0, n)));
    }

    [Test]
    public void NormalisedSamplesReadBackFromTheReferenceColumnEqualTheWrittenOnes()
    {
        var result = SampleRun.Result("S.B(1)", "B(1)", "S", 100);
        var json = Exporter.ExportToString(SampleRun.Create(result));

        var read = ResultsJsonReader.Parse(json, "test").Results[0].Measured;

        Assert.That(read.StateSamples[QuadraticFormReference.ReferenceName], Is.EqualTo(result.Measured.StateSamples[QuadraticFormReference.ReferenceName]));
        Assert.That(read.NormalisedSamples, Is.EqualTo(WrittenNormalised(json)), "exactly the file's normalised_samples");
    }

    [Test]
    public void AFileWithNormalisedSamplesButNoReferenceColumnGetsTheColumnBack()
    {
        var json = WithoutStateSamples(Exporter.ExportToString(SampleRun.Create(SampleRun.Result("S.B(1)", "B(1)", "S", 100))));
        Assert.That(json, Does.Not.Contain("state_samples"), "test setup: normalised samples without the reference column");

        var read = ResultsJsonReader.Parse(json, "test").Results[0].Measured;

        var written = WrittenNormalised(json);
        Assert.That(written, Has.Length.EqualTo(5), "test setup");
        Assert.That(read.NormalisedSamples, Is.EqualTo(written).Within(1e-12), "ns ÷ exp(normalised) gives them back up to rounding");
        Assert.That(read.StateSamples[QuadraticFormReference.ReferenceName],
            Is.EqualTo(read.SamplesNanosecondsPerOperation.Zip(written, (ns, n) => ns / Math.Exp(n))));
    }

    [Test]
    public void NormalisedSamplesNotAlignedWithTheSamplesAndNoReferenceColumnReadBackAsNone()
    {
        var json = WithoutStateSamples(Exporter.ExportToString(SampleRun.Create(SampleRun.Result("S.B(1)", "B(1)", "S", 100))));
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var normalised = root["results"]![0]!["normalised_samples"]!.AsArray();
        normalised.RemoveAt(0);
        Assert.That(normalised, Has.Count.EqualTo(4), "test setup: a non-finite value was left out");

        var read = ResultsJsonReader.Parse(root.ToJsonString(), "test").Results[0].Measured;

        Assert.That(read.NormalisedSamples, Is.Empty);
        Assert.That(read.StateSamples, Is.Empty);
    }

    // A results.json as written before the reference column was kept: normalised samples only.
    private static string WithoutStateSamples(string json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        foreach (var result in root["results"]!.AsArray())
            result!.AsObject().Remove("state_samples");
        return root.ToJsonString();
    }

    private static double[] WrittenNormalised(string json) =>
        [.. System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("results")[0].GetProperty("normalised_samples").EnumerateArray().Select(e => e.GetDouble())];

    [Test]
    public void ReadsAFileFromDisk()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ai-perf-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Exporter.Export(SampleRun.Create(), directory)[0];
            Assert.That(ResultsJsonReader.Read(path).Results, Has.Count.EqualTo(3));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void AMissingFileNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "results.json");
        var error = Assert.Throws<ResultsFileException>(() => ResultsJsonReader.Read(path))!;
        Assert.That(error.Message, Is.EqualTo(path + ": file not found"));
    }

    [TestCase("", "the file is empty")]
    [TestCase("   \n", "the file is empty")]
    [TestCase("{\"benchmark_suite\": ", "not valid JSON")]
    [TestCase("[1, 2]", "the top level is not a JSON object")]
    [TestCase("{\"benchmark_suite\":\"x\",\"timestamp\":\"t\",\"config\":{},\"results\":[]}", "no integer 'schema_version'")]
    [TestCase("{\"schema_version\": 99}", "schema_version 99 is not supported")]
    [TestCase("{\"schema_version\": 1}", "missing required properties")]
    public void CorruptInputGivesAClearError(string json, string expected)
    {
        var error = Assert.Throws<ResultsFileException>(() => ResultsJsonReader.Parse(json, "results.json"))!;
        Assert.That(error.Message, Does.StartWith("results.json: ").And.Contain(expected));
    }

    [Test]
    public void AFieldOfTheWrongTypeIsNamedWithItsPath()
    {
        var json = Exporter.ExportToString(SampleRun.Create()).Replace("\"iterations\": 5", "\"iterations\": \"five\"", StringComparison.Ordinal);
        var error = Assert.Throws<ResultsFileException>(() => ResultsJsonReader.Parse(json, "results.json"))!;
        Assert.That(error.Message, Does.Contain("$.results[0].iterations"));
    }

    [Test]
    public void ANullWhereANameIsRequiredIsRejected()
    {
        var json = Exporter.ExportToString(SampleRun.Create()).Replace("\"name\": \"Update(1000)\"", "\"name\": null", StringComparison.Ordinal);
        var error = Assert.Throws<ResultsFileException>(() => ResultsJsonReader.Parse(json, "results.json"))!;
        Assert.That(error.Message, Does.Contain("name"));
    }

    [Test]
    public void ASampleCountThatDisagreesWithTheSamplesIsRejected()
    {
        var json = Exporter.ExportToString(SampleRun.Create()).Replace("\"samples\": 5", "\"samples\": 4", StringComparison.Ordinal);
        var error = Assert.Throws<ResultsFileException>(() => ResultsJsonReader.Parse(json, "results.json"))!;
        Assert.That(error.Message, Does.Contain("samples is 4 but samples_ns_per_op holds 5 values"));
    }

    [Test]
    public void AnUnknownVerdictIsRejected()
    {
        var json = Exporter.ExportToString(SampleRun.Create()).Replace("\"verdict\": \"regressed\"", "\"verdict\": \"slower\"", StringComparison.Ordinal);
        Assert.Throws<ResultsFileException>(() => ResultsJsonReader.Parse(json, "results.json"));
    }

    [Test]
    public void ABadTimestampIsNamed()
    {
        var json = Exporter.ExportToString(SampleRun.Create()).Replace("\"timestamp\": \"2025-03-01T12:30:45.0000000Z\"", "\"timestamp\": \"yesterday\"", StringComparison.Ordinal);
        var error = Assert.Throws<ResultsFileException>(() => ResultsJsonReader.Parse(json, "results.json"))!;
        Assert.That(error.Message, Does.Contain("timestamp: 'yesterday' is not an ISO 8601 time"));
    }
}
