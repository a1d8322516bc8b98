using System.Text.Json;
using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Paired.SyntheticSamples;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>Requests and results cross between the gate and its child processes as JSON, and must come back whole.</summary>
public class PairedJsonTests
{
    [Test]
    public void ARequestComesBackWithEverySetting()
    {
        var request = new PairedRequest("A.B(1)", "A.dll", "/base", "/current", 3, -12345)
        {
            MeasurementSeconds = 0.5,
            MaxRounds = 40,
            MinRounds = 6,
            RandomisePlacement = false,
            PackagesPerCopy = ["Foo.Lib", "Bar"],
            HostDirectory = "/host",
            RuntimeConfig = "/base/A.runtimeconfig.json",
        };

        var back = RoundTrip(request);

        Assert.That(back with { PackagesPerCopy = request.PackagesPerCopy }, Is.EqualTo(request));
        Assert.That(back.PackagesPerCopy, Is.EqualTo(request.PackagesPerCopy));
    }

    [Test]
    public void AResultComesBackWithItsSamplesIncludingNonFiniteNumbers()
    {
        var samples = Of(
            [Copy(Side.Baseline, 0, [100.25, double.NaN], bytes: 24), Copy(Side.Current, 1, [double.PositiveInfinity, 1e-7])],
            [1.5, 2.5]) with
        { WarmupRounds = 7, WarmupSeconds = 0.125, MeasurementSeconds = 1.75 };
        var result = new PairedChildResult(samples, false, null, null) { SetupSeconds = 0.75 };

        var back = RoundTrip(result);

        Assert.That(back.SetupSeconds, Is.EqualTo(0.75));
        Assert.That(back.Samples!.OperationsPerSample, Is.EqualTo(samples.OperationsPerSample));
        Assert.That(back.Samples.OverheadNanosecondsPerOperation, Is.EqualTo(new[] { 1.5, 2.5 }));
        Assert.That(back.Samples.WarmupRounds, Is.EqualTo(7));
        Assert.That(back.Samples.WarmupSeconds, Is.EqualTo(0.125));
        Assert.That(back.Samples.MeasurementSeconds, Is.EqualTo(1.75));
        Assert.That(back.Samples.Copies.Select(c => (c.Side, c.Index)), Is.EqualTo(new[] { (Side.Baseline, 0), (Side.Current, 1) }));
        Assert.That(back.Samples.Copies[0].NanosecondsPerOperation, Is.EqualTo(new[] { 100.25, double.NaN }));
        Assert.That(back.Samples.Copies[1].NanosecondsPerOperation, Is.EqualTo(new[] { double.PositiveInfinity, 1e-7 }));
        Assert.That(back.Samples.Copies[0].AllocatedBytesPerOperation, Is.EqualTo(new[] { 24.0, 24.0 }));
    }

    [Test]
    public void AFailedResultComesBackWithItsProblemAndSide()
    {
        var back = RoundTrip(new PairedChildResult(null, true, "no test named X", Side.Baseline));

        Assert.That(back, Is.EqualTo(new PairedChildResult(null, true, "no test named X", Side.Baseline)));
    }

    [Test]
    public void SidesAreWrittenByName()
    {
        var json = JsonSerializer.Serialize(new PairedChildResult(null, false, "x", Side.Current), PairedJson.Options);

        Assert.That(json, Does.Contain("\"problemSide\":\"Current\""));
    }

    private static T RoundTrip<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, PairedJson.Options), PairedJson.Options)!;
}
