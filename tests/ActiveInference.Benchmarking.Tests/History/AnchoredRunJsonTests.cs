using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.History;

public class AnchoredRunJsonTests
{
    [Test]
    public void ARunReadsBackAsWrittenWithNumbersToFiveSignificantDigits()
    {
        var run = new AnchoredRun(HistorySamples.Commit(2), HistorySamples.Commit(1), HistorySamples.Start, "main", HistorySamples.Anchor, "linux-x64-2cpu", 0.1,
        [
            new AnchoredEntry("B.Kernel(10)", Verdict.Regressed, 1.234567, 1.2, 1.27, 0.021, 3, 4, 1000.5, 1234.5678, 160),
            new AnchoredEntry("A.Kernel(\"x\")", Verdict.Unchanged, null, null, null, null, 0, 0, null, 99, null),
        ]);

        var back = AnchoredRunJson.Parse(AnchoredRunJson.Write(run), "f.json");

        Assert.That(back with { Benchmarks = [] }, Is.EqualTo(run with { Benchmarks = [] }));
        Assert.That(back.Benchmarks.Select(b => b.FullName), Is.EqualTo(new[] { "A.Kernel(\"x\")", "B.Kernel(10)" }), "ordinal order");
        Assert.That(back.Benchmarks[1], Is.EqualTo(run.Benchmarks[0] with { Ratio = 1.2346, RawCurrentMedianNanoseconds = 1234.6 }));
        Assert.That(back.Benchmarks[0], Is.EqualTo(run.Benchmarks[1]));
    }

    [Test]
    public void EachBenchmarkIsOneLineSoRunsDiffLineByLine()
    {
        var run = HistorySamples.Run(HistorySamples.Commit(1), HistorySamples.Anchor, 0, ("A", 1.0), ("B", 1.1), ("C", null));

        var lines = AnchoredRunJson.Write(run).Split('\n');

        Assert.That(lines.Count(l => l.TrimStart().StartsWith("{\"name\":", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public void AFileOfANewerSchemaIsRefusedNamingTheFileAndTheFix()
    {
        var json = AnchoredRunJson.Write(HistorySamples.Run(HistorySamples.Commit(1), HistorySamples.Anchor, 0, ("A", 1.0))).Replace("\"schema\": 1", "\"schema\": 2");

        var error = Assert.Throws<HistoryFileException>(() => AnchoredRunJson.Parse(json, "/h/run.json"))!;

        Assert.That(error.Message, Does.StartWith("/h/run.json: schema version 2 is newer").And.Contain("update the tool"));
    }

    [TestCase("{", "not valid JSON")]
    [TestCase("{\"schema\":1,\"benchmarks\":[{\"verdict\":\"Passed\"}]}", "$.benchmarks[0].name is missing")]
    [TestCase("{\"schema\":1,\"benchmarks\":[{\"name\":\"A\",\"verdict\":\"Fast\"}]}", "$.benchmarks[0].verdict 'Fast' is not one of")]
    [TestCase("{\"schema\":1,\"benchmarks\":[{\"name\":\"A\",\"verdict\":\"Passed\",\"ratio\":-1}]}", "$.benchmarks[0].ratio must be positive")]
    public void ADamagedFileIsRefusedNamingWhereItIsDamaged(string json, string problem)
    {
        var error = Assert.Throws<HistoryFileException>(() => AnchoredRunJson.Parse(json, "run.json"))!;

        Assert.That(error.Message, Does.Contain(problem));
    }

    [Test]
    public void ARunOf500BenchmarksStaysUnder120KilobytesAndCompressesAtLeastFourfold()
    {
        var random = new Random(7);
        var entries = Enumerable.Range(0, 500).Select(i =>
        {
            var ratio = 0.8 + 0.4 * random.NextDouble();
            return new AnchoredEntry($"ActiveInference.Core.PerfTests.SomeBenchmarks{i / 20}.Kernel{i % 20}(1000)", Verdict.Passed, ratio, ratio * 0.97, ratio * 1.03,
                0.01 + 0.05 * random.NextDouble(), 2 + random.Next(6), 4, 1000 + 1e6 * random.NextDouble(), 1000 + 1e6 * random.NextDouble(), 64 * random.Next(100));
        }).ToArray();
        var run = new AnchoredRun(HistorySamples.Commit(2), HistorySamples.Commit(1), HistorySamples.Start, "main", HistorySamples.Anchor, "linux-x64-2cpu", 0.1, entries);

        var bytes = AnchoredRunJson.Utf8Bytes(run);
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);

        TestContext.Out.WriteLine($"500 benchmarks: {bytes.Length} bytes, {compressed.Length} gzipped");
        Assert.That(bytes.Length, Is.LessThan(120_000));
        Assert.That(compressed.Length, Is.LessThan(bytes.Length / 4));
    }
}
