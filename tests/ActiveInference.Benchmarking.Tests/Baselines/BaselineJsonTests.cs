using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Baselines;

[TestFixture]
public sealed class BaselineJsonTests
{
    /// <summary>A one-benchmark document; its text below is the documented shape of baselines.json.</summary>
    internal static BaselineDocument Sample()
    {
        var recording = new Recording(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), "4f2c1e9", 2048,
            new RecordedSummary(5, 3012.4, 41.3, 2969.1, 3071.5, 3008.25, 2990.5, 3030.75),
            [3008.25, 2969.1, 3071.5, 2990.5, 3030.75], [-0.41, -0.423, -0.39, -0.415, -0.402], 24, new GcCounts(2, 0, 0), 10240);
        var profile = new MachineProfile("AMD EPYC", 2, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=2ms;ref=dot64");
        return BaselineStore.Merge(BaselineDocument.Empty, profile, [("ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)", recording)], 5);
    }

    // Line ends normalised so that a CRLF checkout of this file does not change the expected text.
    private static readonly string SampleText = """
        {
          "schemaVersion": 1,
          "profiles": {
            "a1f0a47dee70": {
              "machine": {
                "description": "AMD EPYC, 2 logical cores, Debian GNU/Linux 12 (bookworm), .NET 10.0.12, engine 1.0.0 [sample=2ms;ref=dot64]",
                "cpuModel": "AMD EPYC",
                "logicalCores": 2,
                "operatingSystem": "Debian GNU/Linux 12 (bookworm)",
                "runtimeVersion": "10.0.12",
                "engineVersion": "1.0.0",
                "engineSettings": "sample=2ms;ref=dot64"
              },
              "benchmarks": {
                "ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)": {
                  "recordings": [
                    {
                      "recordedAt": "2025-03-01T12:00:00.0000000Z",
                      "commit": "4f2c1e9",
                      "operationsPerSample": 2048,
                      "nanosecondsPerOperation": {
                        "n": 5,
                        "mean": 3012.4,
                        "standardDeviation": 41.3,
                        "min": 2969.1,
                        "max": 3071.5,
                        "median": 3008.25,
                        "q1": 2990.5,
                        "q3": 3030.75
                      },
                      "allocatedBytesPerOperation": 24,
                      "gc": {
                        "gen0": 2,
                        "gen1": 0,
                        "gen2": 0
                      },
                      "totalOperations": 10240,
                      "samples": [3008.25, 2969.1, 3071.5, 2990.5, 3030.75],
                      "normalisedSamples": [-0.41, -0.423, -0.39, -0.415, -0.402]
                    }
                  ]
                }
              }
            }
          }
        }

        """.ReplaceLineEndings("\n");

    [Test]
    public void The_file_layout_is_fixed_so_that_an_update_is_a_readable_diff()
    {
        Assert.That(BaselineJson.Write(Sample()), Is.EqualTo(SampleText));
    }

    [Test]
    public void The_sample_text_reads_back_as_the_same_document()
    {
        var (document, problem) = BaselineJson.Parse(SampleText);

        Assert.That(problem, Is.Null);
        Assert.That(BaselineJson.Write(document!), Is.EqualTo(SampleText));
        var baseline = document!.Find("a1f0a47dee70", "ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)")!;
        Assert.That(baseline.Latest, Is.EqualTo(Sample().Profiles.Single().Value.Benchmarks.Single().Value.Single()));
    }

    [Test]
    public void Unknown_properties_are_ignored_on_reading()
    {
        var text = SampleText.Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"comment\": \"hand edited\",", StringComparison.Ordinal);

        var (document, problem) = BaselineJson.Parse(text);

        Assert.That(problem, Is.Null);
        Assert.That(document!.Profiles, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_profile_or_benchmark_that_appears_twice_is_an_error()
    {
        var twice = SampleText.Replace("\"benchmarks\": {", "\"benchmarks\": {\"ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)\": {\"recordings\": []},", StringComparison.Ordinal);

        var (_, problem) = BaselineJson.Parse(twice);

        Assert.That(problem, Does.Contain("benchmark appears twice"));
    }
}
