using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Baselines;

[TestFixture]
public sealed class MachineProfileTests
{
    private static MachineProfile Sample() => new("AMD EPYC 7763", 2, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=2ms");

    [Test]
    public void IdIsTwelveLowercaseHexDigitsOfSHA256OverTheFields()
    {
        // printf 'AMD EPYC 7763\n2\nDebian GNU/Linux 12 (bookworm)\n10.0.12\n1.0.0\nsample=2ms' | sha256sum | cut -c1-12
        Assert.That(Sample().Id, Is.EqualTo(ExpectedSampleId));
        Assert.That(Sample().Id, Does.Match("^[0-9a-f]{12}$"));
    }

    private const string ExpectedSampleId = "4583b5ca5d27";

    [Test]
    public void EveryFieldChangesTheId()
    {
        var sample = Sample();
        MachineProfile[] variants =
        [
            new("AMD EPYC 7763 ", 2, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=2ms"),
            new("AMD EPYC 7763", 4, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=2ms"),
            new("AMD EPYC 7763", 2, "Debian GNU/Linux 13 (trixie)", "10.0.12", "1.0.0", "sample=2ms"),
            new("AMD EPYC 7763", 2, "Debian GNU/Linux 12 (bookworm)", "10.0.13", "1.0.0", "sample=2ms"),
            new("AMD EPYC 7763", 2, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.1.0", "sample=2ms"),
            new("AMD EPYC 7763", 2, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=4ms"),
        ];

        Assert.That(variants.Select(v => v.Id), Has.None.EqualTo(sample.Id));
        Assert.That(variants.Select(v => v.Id).Distinct().Count(), Is.EqualTo(variants.Length));
    }

    [Test]
    public void AnOverrideReplacesOnlyTheId()
    {
        var shared = Sample().WithIdOverride("  ci-linux-x64 ");

        Assert.That(shared.Id, Is.EqualTo("ci-linux-x64"));
        Assert.That(shared.CpuModel, Is.EqualTo("AMD EPYC 7763"));
        Assert.That(Sample().WithIdOverride(null), Is.EqualTo(Sample()));
        Assert.That(Sample().WithIdOverride("   "), Is.EqualTo(Sample()));
    }

    [Test]
    public void DetectFillsEveryFieldOfThisMachine()
    {
        var profile = MachineProfile.Detect("settings-x", "override-id");
        var computed = MachineProfile.Detect("settings-x");

        Assert.That(profile.Id, Is.EqualTo("override-id"));
        Assert.That(computed.Id, Does.Match("^[0-9a-f]{12}$"));
        Assert.That(profile.CpuModel, Is.Not.Empty);
        Assert.That(profile.LogicalCores, Is.EqualTo(Environment.ProcessorCount));
        Assert.That(profile.OperatingSystem, Is.Not.Empty);
        Assert.That(profile.RuntimeVersion, Does.Match(@"^\d+\.\d+\.\d+$"));
        Assert.That(profile.EngineVersion, Does.Match(@"^\d+\.\d+\.\d+$"));
        Assert.That(profile.EngineSettings, Is.EqualTo("settings-x"));
        Assert.That(MachineProfile.Detect("settings-x").Id, Is.EqualTo(computed.Id), "detection is stable within a process");
    }

    [Test]
    public void TheCPUModelComesFromTheModelNameLineOfProcCpuinfo()
    {
        const string cpuInfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel\t\t: 1\nmodel name\t: AMD EPYC 7763 64-Core Processor\nflags\t: fpu\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7763 64-Core Processor\n";

        Assert.That(MachineProfile.ParseCpuInfo(cpuInfo), Is.EqualTo("AMD EPYC 7763 64-Core Processor"));
        Assert.That(MachineProfile.ParseCpuInfo("Processor\t: ARMv7 Processor rev 4 (v7l)\n"), Is.EqualTo("ARMv7 Processor rev 4 (v7l)"));
        Assert.That(MachineProfile.ParseCpuInfo("processor\t: 0\nBogoMIPS\t: 50.00\n"), Is.Null);
    }

    [Test]
    public void DescriptionAndDifferencesAreReadableAndCultureIndependent()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
        try
        {
            var other = new MachineProfile("Intel Xeon", 16, "Debian GNU/Linux 12 (bookworm)", "10.0.12", "1.0.0", "sample=2ms");

            Assert.That(Sample().Description, Is.EqualTo("AMD EPYC 7763, 2 logical cores, Debian GNU/Linux 12 (bookworm), .NET 10.0.12, engine 1.0.0 [sample=2ms]"));
            Assert.That(Sample().DifferencesFrom(other), Is.EqualTo(new[] { "CPU: Intel Xeon → AMD EPYC 7763", "logical cores: 16 → 2" }));
            Assert.That(Sample().DifferencesFrom(Sample().WithIdOverride("x")), Is.Empty);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
