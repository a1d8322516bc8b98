using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class ChartFileNameTests
{
    [Test]
    public void KeepsAReadablePartAndAShortHash()
    {
        var name = ChartFileName.For("distribution", "Suite.FreeEnergy(100)", ChartFormat.Png);
        Assert.That(name, Does.Match("^distribution-Suite\\.FreeEnergy_100_-[0-9a-f]{8}\\.png$"));
        Assert.That(ChartFileName.For("distribution", "Suite.FreeEnergy(100)", ChartFormat.Png), Is.EqualTo(name), "stable");
    }

    [TestCase("a/b\\c:d*e?f\"g<h>i|j\nk")]
    [TestCase("..")]
    [TestCase("")]
    [TestCase("名前(1)")]
    public void AnyNameGivesASafeFileName(string fullName)
    {
        var name = ChartFileName.For("trend", fullName, ChartFormat.Svg);
        Assert.That(name, Does.Match("^trend-[A-Za-z0-9._-]*-[0-9a-f]{8}\\.svg$"));
        Assert.That(name, Does.Not.Contain(".."));
    }

    [Test]
    public void NamesThatSanitiseAlikeGetDifferentFiles()
    {
        Assert.That(ChartFileName.For("trend", "B(a,b)", ChartFormat.Png), Is.Not.EqualTo(ChartFileName.For("trend", "B(a;b)", ChartFormat.Png)));
    }

    [Test]
    public void VeryLongNamesAreCut()
    {
        Assert.That(ChartFileName.For("trend", new string('x', 1000), ChartFormat.Png).Length, Is.LessThanOrEqualTo(6 + 80 + 1 + 8 + 4));
    }

    [Test]
    public void RefusesAnUnsafeKind()
    {
        Assert.Throws<ArgumentException>(() => ChartFileName.For("../x", "B", ChartFormat.Png));
    }
}
