using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>How a run's two builds are compared, from what differs between them besides their code.</summary>
public class ComparisonRouteTests
{
    [Test]
    public void NothingDifferentIsPairedWithTheSameDependencies()
    {
        var route = Route(new BuildDifference([], null, null));

        Assert.That((route.Method, route.SameDependencies, route.Why), Is.EqualTo((ComparisonMethod.Paired, true, (string?)null)));
        Assert.That(route.Differences, Is.Empty);
        Assert.That(route.PackagesPerCopy, Is.Empty);
    }

    [Test]
    public void AManagedPackageBumpIsPairedWithThePackageLoadedPerCopy()
    {
        var route = Route(new BuildDifference([new PackageDifference("Foo.Lib", "1.0.0", "1.1.0", false, false)], null, null));

        Assert.That((route.Method, route.SameDependencies), Is.EqualTo((ComparisonMethod.Paired, false)));
        Assert.That(route.PackagesPerCopy, Is.EqualTo(new[] { "Foo.Lib" }));
        Assert.That(route.Differences, Is.EqualTo(new[] { "Foo.Lib 1.0.0 → 1.1.0" }));
    }

    [Test]
    public void APackageOnlyTheBaselineHasIsLoadedPerCopySoTheBaselinesCopiesFindIt()
    {
        var route = Route(new BuildDifference([new PackageDifference("Foo.Old", "1.0.0", null, false, false)], null, null));

        Assert.That(route.PackagesPerCopy, Is.EqualTo(new[] { "Foo.Old" }));
    }

    [Test]
    public void AHarnessPackageDifferenceIsNamedButNeitherMeasuredNorLoadedPerCopy()
    {
        var route = Route(new BuildDifference([new PackageDifference("NUnit", "4.0.0", "5.0.0", false, true)], null, null));

        Assert.That((route.Method, route.SameDependencies), Is.EqualTo((ComparisonMethod.Paired, true)));
        Assert.That(route.PackagesPerCopy, Is.Empty);
        Assert.That(route.Differences, Is.EqualTo(new[] { "NUnit 4.0.0 → 5.0.0 (shared by both sides: not measured)" }));
    }

    [Test]
    public void ARuntimeDifferenceIsInterleavedOnTheCurrentFramework()
    {
        var route = Route(new BuildDifference([], "runtimeconfig.json: System.GC.Server false → true", null));

        Assert.That((route.Method, route.OwnHosts, route.SameDependencies), Is.EqualTo((ComparisonMethod.Interleaved, false, false)));
        Assert.That(route.Why, Is.EqualTo("their runtime differs"));
        Assert.That(route.Differences, Is.EqualTo(new[] { "runtime (runtimeconfig.json: System.GC.Server false → true)" }));
    }

    [Test]
    public void ANativePackageDifferenceIsInterleavedWithEachSideStartedFromItsOwnBuild()
    {
        var route = Route(new BuildDifference([new PackageDifference("Foo.Native", "1.0.0", "2.0.0", true, false)], null, null));

        Assert.That((route.Method, route.OwnHosts), Is.EqualTo((ComparisonMethod.Interleaved, true)));
        Assert.That(route.Why, Does.Contain("Foo.Native carries native code"));
    }

    [Test]
    public void UnreadableBuildFilesAreNotTheSameDependencies()
    {
        Assert.That(Route(new BuildDifference([], null, "the baseline's deps.json cannot be read")).SameDependencies, Is.False);
    }

    private static ComparisonRoute Route(BuildDifference difference) => ComparisonRoute.For(difference, "/nowhere/base", "/nowhere/current", "Foo.PerfTests.dll");
}
