using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Execution;

[TestFixture]
public class PerfMetricsTests
{
    [Test]
    public void RecordInsideCaptureIsCapturedLastValueWins()
    {
        var recorded = PerfMetrics.Capture(() =>
        {
            PerfMetrics.Record("free-energy", 1.5);
            PerfMetrics.Record("iterations", 12);
            PerfMetrics.Record("free-energy", 2.5);
        });

        Assert.That(recorded, Is.EquivalentTo(new Dictionary<string, double> { ["free-energy"] = 2.5, ["iterations"] = 12 }));
    }

    [Test]
    public void RecordOutsideCaptureIsIgnoredAndDoesNotLeakIntoALaterCapture()
    {
        PerfMetrics.Record("stray", 1);

        var recorded = PerfMetrics.Capture(() => { });

        Assert.That(recorded, Is.Empty);
    }

    [Test]
    public void RecordAfterCaptureEndedIsNotAddedToIt()
    {
        var recorded = PerfMetrics.Capture(() => PerfMetrics.Record("inside", 1));
        PerfMetrics.Record("after", 2);

        Assert.That(recorded.Keys, Is.EquivalentTo(new[] { "inside" }));
    }

    [Test]
    public void RecordOnAnotherThreadIsNotCaptured()
    {
        var recorded = PerfMetrics.Capture(() =>
        {
            var other = new Thread(() => PerfMetrics.Record("other-thread", 1));
            other.Start();
            other.Join();
        });

        Assert.That(recorded, Is.Empty);
    }

    [Test]
    public void NestedCaptureKeepsItsOwnValuesAndRestoresTheOuter()
    {
        Dictionary<string, double>? inner = null;
        var outer = PerfMetrics.Capture(() =>
        {
            PerfMetrics.Record("outer", 1);
            inner = PerfMetrics.Capture(() => PerfMetrics.Record("inner", 2));
            PerfMetrics.Record("outer-again", 3);
        });

        Assert.Multiple(() =>
        {
            Assert.That(inner!.Keys, Is.EquivalentTo(new[] { "inner" }));
            Assert.That(outer.Keys, Is.EquivalentTo(new[] { "outer", "outer-again" }));
        });
    }

    [Test]
    public void CaptureRestoresRecordingOffWhenTheActionThrows()
    {
        Assert.Throws<InvalidOperationException>(() => PerfMetrics.Capture(() => throw new InvalidOperationException()));

        Assert.DoesNotThrow(() => PerfMetrics.Record(" ", 1), "outside a capture even a bad name is ignored");
    }

    [TestCase("")]
    [TestCase("  ")]
    public void RecordRejectsABlankNameWhileCapturing(string name)
    {
        Assert.Throws<ArgumentException>(() => PerfMetrics.Capture(() => PerfMetrics.Record(name, 1)));
    }
}
