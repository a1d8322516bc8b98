using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class ChartFileNameTests
{
    [Test]
    public void Keeps_a_readable_part_and_a_short_hash()
    {
        var name = ChartFileName.For("distribution", "Suite.FreeEnergy(100)", ChartFormat.Png);
        Assert.That(name, Does.Match("^distribution-Suite\\.FreeEnergy_100_-[0-9a-f]{8}\\.png$"));
        Assert.That(ChartFileName.For("distribution", "Suite.FreeEnergy(100)", ChartFormat.Png), Is.EqualTo(name), "stable");
    }

    [TestCase("a/b\\c:d*e?f\"g<h>i|j\nk")]
    [TestCase("..")]
    [TestCase("")]
    [TestCase("名前(1)")]
    public void Any_name_gives_a_safe_file_name(string fullName)
    {
        var name = ChartFileName.For("trend", fullName, ChartFormat.Svg);
        Assert.That(name, Does.Match("^trend-[A-Za-z0-9._-]*-[0-9a-f]{8}\\.svg$"));
        Assert.That(name, Does.Not.Contain(".."));
    }

    [Test]
    public void Names_that_sanitise_alike_get_different_files()
    {
        Assert.That(ChartFileName.For("trend", "B(a,b)", ChartFormat.Png), Is.Not.EqualTo(ChartFileName.For("trend", "B(a;b)", ChartFormat.Png)));
    }

    [Test]
    public void Very_long_names_are_cut()
    {
        Assert.That(ChartFileName.For("trend", new string('x', 1000), ChartFormat.Png).Length, Is.LessThanOrEqualTo(6 + 80 + 1 + 8 + 4));
    }

    [Test]
    public void Refuses_an_unsafe_kind()
    {
        Assert.Throws<ArgumentException>(() => ChartFileName.For("../x", "B", ChartFormat.Png));
    }
}
