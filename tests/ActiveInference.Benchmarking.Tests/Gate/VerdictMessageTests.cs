using System.Globalization;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>The one formatter of verdict messages: its verbs, numbers and wording, in any culture.</summary>
internal class VerdictMessageTests
{
    private const string Regression =
        "Kernel(10) regressed: +23.4% [+20.0%, +27.0%] against commit 1b56a1b (paired: 3 processes × 4 copies per side), "
        + "threshold 10%, noise floor ±2.1%; raw medians 1.000 µs → 1.234 µs";

    [TestCase(Verdict.Passed, "passed")]
    [TestCase(Verdict.Regressed, "regressed")]
    [TestCase(Verdict.Improved, "improved")]
    [TestCase(Verdict.New, "is new")]
    [TestCase(Verdict.Inconclusive, "inconclusive")]
    [TestCase(Verdict.NotCompared, "not compared")]
    public void EveryVerdictHasItsOwnVerb(Verdict verdict, string verb)
    {
        Assert.That(VerdictMessage.Verb(verdict), Is.EqualTo(verb));
        Assert.That(VerdictMessage.Plain("Kernel(10)", verdict, "why"), Is.EqualTo($"Kernel(10) {verb}: why"));
    }

    [Test]
    public void AComparedVerdictReadsChangeIntervalBaselineMethodThresholdFloorAndRawMedians()
    {
        Assert.That(Compared(), Is.EqualTo(Regression));
    }

    [TestCase(0.10, "threshold 10%")]
    [TestCase(0.125, "threshold 12.5%")]
    [TestCase(0.05, "threshold 5%")]
    public void TheThresholdReadsAsAPercentageWithoutNeedlessDecimals(double threshold, string expected)
    {
        Assert.That(Compared(threshold: threshold, floor: null), Does.Contain(expected + ";"));
    }

    [Test]
    public void ANoiseFloorWiderThanTheThresholdSaysThatOnlyLargerChangesCanBeCalled()
    {
        var wide = Compared(threshold: 0.10, floor: 0.15);
        var equal = Compared(threshold: 0.10, floor: 0.10);

        Assert.That(wide, Does.Contain(
            ", noise floor ±15.0% (this run's own A/A; wider than the threshold, so only larger changes can be called);"));
        Assert.That(equal, Does.Contain(", noise floor ±10.0%;").And.Not.Contain("wider"));
    }

    [Test]
    public void WithoutANoiseFloorIntervalOrBaselineMedianThosePartsAreLeftOut()
    {
        var message = VerdictMessage.Compared("Kernel(10)", Verdict.Passed, 1.01, null, "the recorded numbers of 2026-11-29", "recorded",
            0.10, null, null, 5e6);

        Assert.That(message, Is.EqualTo("Kernel(10) passed: +1.0% against the recorded numbers of 2026-11-29 (recorded), threshold 10%"));
    }

    [Test]
    public void TheDetailComesLast()
    {
        Assert.That(Compared(detail: "; record new baselines"), Is.EqualTo(Regression + "; record new baselines"));
    }

    [TestCase(1, 1, "paired: 1 process × 1 copy per side")]
    [TestCase(3, 4, "paired: 3 processes × 4 copies per side")]
    [TestCase(8, 2, "paired: 8 processes × 2 copies per side")]
    public void ThePairedMethodReadsProcessesAndCopiesInTheSingularOrPlural(int processes, int copies, string expected)
    {
        Assert.That(VerdictMessage.Paired(processes, copies), Is.EqualTo(expected));
    }

    [TestCase("de-DE")]
    [TestCase("fr-FR")]
    [TestCase("sv-SE")]
    [TestCase("ar-SA")]
    public void MessagesDoNotDependOnTheCulture(string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.That(Compared(), Is.EqualTo(Regression));
            Assert.That(Compared(threshold: 0.125, floor: 0.15), Does.Contain("threshold 12.5%, noise floor ±15.0% ("));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static string Compared(double threshold = 0.10, double? floor = 0.021, string detail = "") =>
        VerdictMessage.Compared("Kernel(10)", Verdict.Regressed, 1.234, new ConfidenceInterval(1.2, 1.27, 0.997), "commit 1b56a1b",
            VerdictMessage.Paired(3, 4), threshold, floor, 1000, 1234, detail);
}
