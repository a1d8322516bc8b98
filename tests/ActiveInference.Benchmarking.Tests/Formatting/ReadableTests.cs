using ActiveInference.Benchmarking.Formatting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Formatting;

public class ReadableTests
{
    [TestCase(0.0, "0.000 ns")]
    [TestCase(0.5, "0.500 ns")]
    [TestCase(12.9, "12.90 ns")]
    [TestCase(999.4, "999.4 ns")]
    [TestCase(3_634.25, "3.634 µs")]
    [TestCase(12_930, "12.93 µs")]
    [TestCase(1_512_345.6, "1.512 ms")]
    [TestCase(250_000_000, "250.0 ms")]
    [TestCase(2_500_000_000, "2.500 s")]
    [TestCase(4_000_000_000_000, "4000.0 s")]
    [TestCase(-1_500, "-1.500 µs")]
    [TestCase(-0.0001, "0.000 ns")]
    [TestCase(double.NaN, "n/a")]
    [TestCase(double.PositiveInfinity, "n/a")]
    public void ChoosesTheUnitPerValue(double nanoseconds, string expected)
    {
        Assert.That(Readable.Time(nanoseconds), Is.EqualTo(expected));
    }

    [Test]
    public void FormatsInAGivenUnit()
    {
        Assert.That(Readable.Time(50, TimeUnit.Microsecond), Is.EqualTo("0.050 µs"));
    }

    [TestCase(1.234, "+23.4%")]
    [TestCase(0.9, "-10.0%")]
    [TestCase(1.0, "0.0%")]
    [TestCase(0.99996, "0.0%")]
    [TestCase(1.00004, "0.0%")]
    [TestCase(2.0, "+100.0%")]
    [TestCase(0.12345, "-87.7%")]
    [TestCase(double.NaN, "n/a")]
    [TestCase(double.PositiveInfinity, "n/a")]
    public void RatiosReadAsSignedPercentageChangesWithOneDecimal(double ratio, string expected)
    {
        Assert.That(Readable.Change(ratio), Is.EqualTo(expected));
    }

    [TestCase(0.021, "±2.1%")]
    [TestCase(0.15, "±15.0%")]
    [TestCase(0.0, "±0.0%")]
    public void SpreadsReadAsSymmetricPercentagesWithOneDecimal(double fraction, string expected)
    {
        Assert.That(Readable.Spread(fraction), Is.EqualTo(expected));
    }

    [TestCase(0.10, "10%")]
    [TestCase(0.125, "12.5%")]
    [TestCase(0.05, "5%")]
    public void ThresholdsReadAsPercentagesWithoutNeedlessDecimals(double fraction, string expected)
    {
        Assert.That(Readable.Percent(fraction), Is.EqualTo(expected));
    }

    [Test]
    public void DoesNotDependOnTheCurrentCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.That(Readable.Time(3_634.25), Is.EqualTo("3.634 µs"));
            Assert.That(Readable.Change(0.9), Is.EqualTo("-10.0%"));
            Assert.That(Readable.Spread(0.021), Is.EqualTo("±2.1%"));
            Assert.That(Readable.Percent(0.125), Is.EqualTo("12.5%"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
