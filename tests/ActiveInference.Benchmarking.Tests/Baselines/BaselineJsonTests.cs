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
            [3008.25, 2969.1, 3071.5, 2990.5, 3030.75], 24, new GcCounts(2, 0, 0), 10240);
        var profile = new MachineProfile("AMD EPYC", 2, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=2ms;ref=dot64");
        return BaselineStore.Merge(BaselineDocument.Empty, profile, [("ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)", recording)], 5);
    }

    // Line ends normalised so that a CRLF checkout of this file does not change the expected text.
    // baselines.json: what a reviewer reads, one line per recording.
    internal static readonly string SampleText = """
        {
          "schemaVersion": 2,
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
                    {"recordedAt":"2025-03-01T12:00:00.0000000Z","commit":"4f2c1e9","operationsPerSample":2048,"nanosecondsPerOperation":{"n":5,"mean":3012.4,"standardDeviation":41.3,"min":2969.1,"max":3071.5,"median":3008.25,"q1":2990.5,"q3":3030.75},"allocatedBytesPerOperation":24,"gc":{"gen0":2,"gen1":0,"gen2":0},"totalOperations":10240}
                  ]
                }
              }
            }
          }
        }

        """.ReplaceLineEndings("\n");

    // baselines.samples.json: the raw samples, for the fallback gate only.
    internal static readonly string SamplesText = """
        {
          "schemaVersion": 2,
          "about": "Raw samples of the recordings in the baselines file next to this one, for the fallback gate (recorded numbers). Generated; not for review.",
          "profiles": {
            "a1f0a47dee70": {
              "benchmarks": {
                "ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)": {
                  "recordings": [
                    {
                      "recordedAt": "2025-03-01T12:00:00.0000000Z",
                      "samples": [3008.25, 2969.1, 3071.5, 2990.5, 3030.75]
                    }
                  ]
                }
              }
            }
          }
        }

        """.ReplaceLineEndings("\n");

    // The same recording as schema version 1 wrote it: samples inline in baselines.json.
    internal static readonly string Version1Text = """
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

    private static Recording SampleRecording() => Sample().Profiles.Single().Value.Benchmarks.Single().Value.Single();

    [Test]
    public void TheFileLayoutIsFixedSoThatAnUpdateIsAReadableDiff()
    {
        Assert.That(BaselineJson.Write(Sample()), Is.EqualTo(SampleText));
    }

    [Test]
    public void TheSamplesFileLayoutIsFixed()
    {
        Assert.That(BaselineJson.WriteSamples(Sample()), Is.EqualTo(SamplesText));
    }

    [Test]
    public void TheSampleTextReadsBackWithSummariesOnlyUntilTheSamplesAreAttached()
    {
        var (document, version, problem) = BaselineJson.Read(SampleText);

        Assert.That(problem, Is.Null);
        Assert.That(version, Is.EqualTo(2));
        var summaryOnly = document!.Find("a1f0a47dee70", "ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)")!.Latest;
        Assert.That(summaryOnly.Samples, Is.Empty);
        Assert.That(summaryOnly.NormalisedSamples, Is.Empty);
        Assert.That(summaryOnly, Is.EqualTo(SampleRecording() with { Samples = [] }));

        var (withSamples, samplesProblem) = BaselineJson.AttachSamples(document, SamplesText);

        Assert.That(samplesProblem, Is.Null);
        Assert.That(withSamples!.Profiles.Single().Value.Benchmarks.Single().Value.Single(), Is.EqualTo(SampleRecording()));
        Assert.That(BaselineJson.Write(withSamples), Is.EqualTo(SampleText));
        Assert.That(BaselineJson.WriteSamples(withSamples), Is.EqualTo(SamplesText));
    }

    [Test]
    public void AVersion1FileReadsWithItsInlineSamplesAndIsWrittenInTheVersion2Layout()
    {
        var (document, version, problem) = BaselineJson.Read(Version1Text);

        Assert.That(problem, Is.Null);
        Assert.That(version, Is.EqualTo(1));
        Assert.That(document!.SchemaVersion, Is.EqualTo(BaselineDocument.CurrentSchemaVersion), "held in memory as the current version");
        Assert.That(document.Profiles.Single().Value.Benchmarks.Single().Value.Single(), Is.EqualTo(SampleRecording()));
        Assert.That(BaselineJson.Write(document), Is.EqualTo(SampleText));
        Assert.That(BaselineJson.WriteSamples(document), Is.EqualTo(SamplesText));
    }

    [Test]
    public void AnOlderSamplesFileWithNormalisedSamplesStillReadsAndIsWrittenWithoutThem()
    {
        var older = SamplesText.Replace(
            "\"samples\": [3008.25, 2969.1, 3071.5, 2990.5, 3030.75]",
            "\"samples\": [3008.25, 2969.1, 3071.5, 2990.5, 3030.75],\n                      \"normalisedSamples\": [-0.41, -0.423, -0.39, -0.415, -0.402]",
            StringComparison.Ordinal);
        Assert.That(older, Does.Contain("\"normalisedSamples\""), "test setup");
        var (document, _, _) = BaselineJson.Read(SampleText);

        var (attached, problem) = BaselineJson.AttachSamples(document!, older);

        Assert.That(problem, Is.Null);
        Assert.That(attached!.Profiles.Single().Value.Benchmarks.Single().Value.Single(), Is.EqualTo(SampleRecording()), "the stored normalised samples are ignored");
        Assert.That(BaselineJson.WriteSamples(attached), Is.EqualTo(SamplesText).And.Not.Contain("normalisedSamples"));
    }

    [Test]
    public void NormalisedSamplesAreDerivedFromTheReferenceColumnAndNotWritten()
    {
        double[] reference = [4500, 4410, 4480, 4470, 4520];
        var withReference = SampleRecording() with
        {
            StateSamples = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal) { [QuadraticFormReference.ReferenceName] = reference },
        };
        var document = BaselineStore.Merge(BaselineDocument.Empty, Sample().Profiles.Single().Value.Profile,
            [("ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)", withReference)], 5);

        var samplesText = BaselineJson.WriteSamples(document);
        var (summaries, _, _) = BaselineJson.Read(BaselineJson.Write(document));
        var (attached, problem) = BaselineJson.AttachSamples(summaries!, samplesText);

        Assert.That(samplesText, Does.Not.Contain("normalisedSamples").And.Contain("\"" + QuadraticFormReference.ReferenceName + "\": [4500, 4410, "));
        Assert.That(problem, Is.Null);
        var read = attached!.Profiles.Single().Value.Benchmarks.Single().Value.Single();
        Assert.That(read, Is.EqualTo(withReference));
        Assert.That(read.NormalisedSamples, Is.EqualTo(withReference.Samples.Select((s, i) => Math.Log(s / reference[i]))));
        Assert.That(SampleRecording().NormalisedSamples, Is.Empty, "without a reference column");
    }

    [Test]
    public void ASamplesFileRecordingIsMatchedByItsTimeAndOneItLacksKeepsNoSamples()
    {
        var later = SampleRecording() with { RecordedAt = SampleRecording().RecordedAt.AddHours(1), Commit = "5a3d2f0" };
        var document = BaselineStore.Merge(Sample(), Sample().Profiles.Single().Value.Profile,
            [("ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)", later)], 5);
        var (summaries, _, _) = BaselineJson.Read(BaselineJson.Write(document));

        var (attached, problem) = BaselineJson.AttachSamples(summaries!, SamplesText);

        Assert.That(problem, Is.Null);
        var recordings = attached!.Profiles.Single().Value.Benchmarks.Single().Value;
        Assert.That(recordings.Select(r => r.Commit), Is.EqualTo(new[] { "4f2c1e9", "5a3d2f0" }));
        Assert.That(recordings[0].Samples, Is.EqualTo(SampleRecording().Samples), "found in the samples file by recordedAt");
        Assert.That(recordings[1].Samples, Is.Empty, "the samples file predates it");
    }

    [TestCase("\"samples\": [3008.25, ", "\"samples\": [1e999, ", "$.profiles[\"a1f0a47dee70\"].benchmarks[\"ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)\"].recordings[0].samples[0]: must be a finite number")]
    [TestCase("\"schemaVersion\": 2", "\"schemaVersion\": 3", "schemaVersion 3 is not supported for a samples file")]
    [TestCase("\"recordedAt\": \"2025", "\"recordedAt\": \"yesterday\", \"was\": \"2025", "recordings[0].recordedAt: 'yesterday' is not an ISO-8601 date and time")]
    [TestCase("\"samples\": [3008.25, ", "\"raw\": [3008.25, ", "recordings[0]: missing required property 'samples'")]
    public void ABadSamplesFileIsAProblemWithItsLocation(string find, string replace, string expected)
    {
        var (document, _, _) = BaselineJson.Read(SampleText);
        Assert.That(SamplesText, Does.Contain(find), "test setup");

        var (attached, problem) = BaselineJson.AttachSamples(document!, SamplesText.Replace(find, replace, StringComparison.Ordinal));

        Assert.That(attached, Is.Null);
        Assert.That(problem, Does.Contain(expected));
    }

    [Test]
    public void UnknownPropertiesAreIgnoredOnReading()
    {
        var text = SampleText.Replace("\"schemaVersion\": 2,", "\"schemaVersion\": 2, \"comment\": \"hand edited\",", StringComparison.Ordinal);

        var (document, problem) = BaselineJson.Parse(text);

        Assert.That(problem, Is.Null);
        Assert.That(document!.Profiles, Has.Count.EqualTo(1));
    }

    [Test]
    public void AProfileOrBenchmarkThatAppearsTwiceIsAnError()
    {
        var twice = SampleText.Replace("\"benchmarks\": {", "\"benchmarks\": {\"ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)\": {\"recordings\": []},", StringComparison.Ordinal);

        var (_, problem) = BaselineJson.Parse(twice);

        Assert.That(problem, Does.Contain("benchmark appears twice"));
    }
}
