using ActiveInference.Benchmarking.Baselines;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Baselines.SampleResults;

namespace ActiveInference.Benchmarking.Tests.Baselines;

/// <summary>Recordings carry the state probes' times next to each sample, through the file and back.</summary>
[TestFixture]
public sealed class RecordingStateSamplesTests
{
    private static BenchmarkResult WithProbes(string name = "Ns.A(1)")
    {
        var result = Result(name);
        var n = result.SamplesNanosecondsPerOperation.Count;
        return result with
        {
            StateSamples = new Dictionary<string, IReadOnlyList<double>>
            {
                ["quadratic-form-32"] = Enumerable.Range(0, n).Select(i => 1081.23456 + i).ToArray(),
                ["branch-4k"] = Enumerable.Range(0, n).Select(i => 6123.98765 + i).ToArray(),
            },
        };
    }

    [Test]
    public void ProbeTimesAreRoundedToFourSignificantDigits()
    {
        var recording = Recording.From(WithProbes(), null);

        Assert.That(recording.StateSamples.Keys, Is.EqualTo(new[] { "branch-4k", "quadratic-form-32" }));
        Assert.That(recording.StateSamples["quadratic-form-32"][0], Is.EqualTo(1081.0));
        Assert.That(recording.StateSamples["branch-4k"][0], Is.EqualTo(6124.0));
    }

    [Test]
    public void ProbeTimesSurviveTheFileRoundTrip()
    {
        var profile = Profile();
        var document = BaselineStore.Merge(BaselineDocument.Empty, profile, [("Ns.A(1)", Recording.From(WithProbes(), "abc"))], 7);

        var text = BaselineJson.WriteSamples(document);
        var (summaries, _) = BaselineJson.Parse(BaselineJson.Write(document));
        var (read, problem) = BaselineJson.AttachSamples(summaries!, text);

        Assert.That(problem, Is.Null);
        Assert.That(text, Does.Contain("\"stateSamples\": {"));
        var recording = read!.Profiles[profile.Id].Benchmarks["Ns.A(1)"][0];
        Assert.That(recording, Is.EqualTo(document.Profiles[profile.Id].Benchmarks["Ns.A(1)"][0]));
        Assert.That(recording.StateSamples["branch-4k"], Has.Count.EqualTo(9));
    }

    [Test]
    public void ARecordingWithoutProbesIsWrittenWithoutTheProperty()
    {
        var document = BaselineStore.Merge(BaselineDocument.Empty, Profile(), [("Ns.A(1)", Recording.From(Result("Ns.A(1)"), null))], 7);

        Assert.That(BaselineJson.WriteSamples(document), Does.Not.Contain("stateSamples"));
    }

    [Test]
    public void ProbeTimesNotAlignedWithTheSamplesAreAClearError()
    {
        var document = BaselineStore.Merge(BaselineDocument.Empty, Profile(), [("Ns.A(1)", Recording.From(WithProbes(), null))], 7);
        var text = BaselineJson.WriteSamples(document).Replace("\"branch-4k\": [6124, ", "\"branch-4k\": [", StringComparison.Ordinal);

        var (read, problem) = BaselineJson.AttachSamples(BaselineJson.Parse(BaselineJson.Write(document)).Document!, text);

        Assert.That(read, Is.Null);
        Assert.That(problem, Does.Contain("state probe 'branch-4k' has 8 samples where the recording has 9"));
    }

    [Test]
    public void RecordingsDifferingOnlyInProbeTimesAreNotEqual()
    {
        var a = Recording.From(WithProbes(), null);
        var b = a with { StateSamples = new Dictionary<string, IReadOnlyList<double>> { ["branch-4k"] = a.StateSamples["branch-4k"] } };

        Assert.That(a, Is.Not.EqualTo(b));
    }
}
