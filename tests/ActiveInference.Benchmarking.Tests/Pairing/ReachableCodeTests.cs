using System.Diagnostics;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Pairing;
using Mono.Cecil;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>
/// Which benchmarks can execute code that differs between two builds, on two small assemblies compiled side by side
/// (<see cref="CompiledBuilds"/>): a change counts only where the benchmark can reach it.
/// </summary>
public class ReachableCodeTests
{
    private const string Fixture = "Bench.PerfTests.ShapeBenchmarks";

    private const string Core = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Runtime.CompilerServices;

        namespace Bench.Core;

        public interface IShape { double Area(); }

        public sealed class Circle(double radius) : IShape
        {
            public double Area() => 3.0 * radius * radius;
        }

        public sealed class Square(double side) : IShape
        {
            public double Area() => side * side;
        }

        public static class Shapes
        {
            public static IShape[] Circles(int count) => Enumerable.Range(1, count).Select(i => (IShape)new Circle(i)).ToArray();
            public static IShape[] Squares(int count) => Enumerable.Range(1, count).Select(i => (IShape)new Square(i)).ToArray();
        }

        public struct Point
        {
            public double X;
            public double Y;
        }

        public static class Geometry
        {
            public static double Length(Point p) => Math.Sqrt(p.X * p.X + p.Y * p.Y);
            public static double Unused(double x) => x * 2;
        }

        public static class Lambdas
        {
            public static double Sum(double[] values) => values.Select(x => x * 2).Sum();
        }

        public static class Factory
        {
            public static object Make(Type type) => Activator.CreateInstance(type)!;
        }

        public static class Late
        {
            public static object Twice(dynamic value) => value * 2;
        }

        public static class Sequences
        {
            public static IEnumerable<int> Evens(int count)
            {
                for (var i = 0; i < count; i++) yield return 2 * i;
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static double Half(double x) => x / 2;
        }
        """;

    private const string Benchmarks = """
        using System.Collections.Generic;
        using System.Linq;
        using ActiveInference.Benchmarking;
        using Bench.Core;
        using NUnit.Framework;

        namespace Bench
        {
            [SetUpFixture]
            public class SuiteSetUp
            {
                public static int Runs;

                [OneTimeSetUp]
                public void Once() => Runs++;
            }
        }

        namespace Other
        {
            [SetUpFixture]
            public class OtherSetUp
            {
                [OneTimeSetUp]
                public void Once() { }
            }
        }

        namespace Bench.PerfTests
        {
            public abstract class FixtureBase
            {
                protected double Offset;

                [SetUp]
                public void Reset() => Offset = 1;
            }

            public class ShapeBenchmarks : FixtureBase
            {
                private IShape[] _shapes = [];
                private Point _point = new() { X = 3, Y = 4 };
                private double[] _values = [1, 2, 3];

                public void Prepare() => _shapes = Shapes.Circles(4);

                [PerfBenchmark(Setup = nameof(Prepare))]
                public double Areas()
                {
                    var total = 0.0;
                    foreach (var shape in _shapes) total += shape.Area();
                    return total;
                }

                [PerfBenchmark]
                public double Length() => Geometry.Length(_point);

                [PerfBenchmark]
                public double Doubled() => Lambdas.Sum(_values);

                [PerfBenchmark]
                public object Created() => Factory.Make(typeof(Circle));

                public static IEnumerable<int> Counts() => [3, 4];

                [PerfBenchmark, TestCaseSource(nameof(Counts))]
                public int Evens(int count) => Sequences.Evens(count).Sum();

                [PerfBenchmark]
                public double Halved() => Sequences.Half(_point.X);

                [PerfBenchmark]
                public object Dynamic() => Late.Twice(3);
            }
        }
        """;

    [Test]
    public void TheSameCodeBuiltIntoAnotherFolderIsUnchangedForEveryBenchmark()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks);
        using var code = ReachableCode.Open(builds.Baseline, builds.Current, CompiledBuilds.Entry);

        foreach (var (method, setup) in new[] { ("Areas", "Prepare"), ("Length", null), ("Doubled", null) })
        {
            var change = code.Compare(Fixture, method, setup, null);
            Assert.That(change.Unchanged, Is.True, $"{method}: {change.Reason}");
            Assert.That(change.Reason, Does.Match(@"^its method, set-ups and the \d+ methods they reach in Bench\.Core, Bench\.PerfTests are identical in both builds$"));
        }
        Assert.That(File.ReadAllBytes(Path.Combine(builds.Baseline, "Bench.Core.dll")),
            Is.Not.EqualTo(File.ReadAllBytes(Path.Combine(builds.Current, "Bench.Core.dll"))), "the two builds' files differ (MVID, version)");
    }

    [Test]
    public void AChangeInAMethodReachedOnlyThroughAnInterfaceCallIsAChangeNamingIt()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("side * side", "side * side * 1.5"));

        var change = builds.Compare(Fixture, "Areas", "Prepare");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Is.EqualTo("Square.Area differs (Bench.Core)"), "no square is made, but an IShape.Area call could reach it");
        Assert.That(builds.Compare(Fixture, "Length").Unchanged, Is.True, "Length makes no interface call");
    }

    [Test]
    public void AChangeInAMethodNothingReachesLeavesTheBenchmarksUnchanged()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("x * 2;", "x * 3;"));

        Assert.That(builds.Compare(Fixture, "Length").Unchanged, Is.True, builds.Compare(Fixture, "Length").Reason);
        Assert.That(builds.Compare(Fixture, "Areas", "Prepare").Unchanged, Is.True);
    }

    [Test]
    public void AChangedFieldLayoutOfAReachedTypeIsAChange()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("public double X;\n    public double Y;", "public double Y;\n    public double X;"));

        var change = builds.Compare(Fixture, "Length");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Is.EqualTo("the type Point differs (Bench.Core)"));
    }

    [Test]
    public void AChangeInALambdaTheBenchmarkCallsIsAChange()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("x => x * 2", "x => x * 4"));

        var change = builds.Compare(Fixture, "Doubled");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Does.Contain("<Sum>").And.Contain("differs (Bench.Core)"));
        Assert.That(builds.Compare(Fixture, "Length").Unchanged, Is.True);
    }

    [Test]
    public void ABenchmarkReachingActivatorIsUnchangedOnlyWhileNothingAtAllDiffers()
    {
        using var same = CompiledBuilds.Of(Core, Benchmarks);
        using var elsewhere = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("x * 2;", "x * 3;"));

        var unchanged = same.Compare(Fixture, "Created");
        var changed = elsewhere.Compare(Fixture, "Created");

        Assert.That(unchanged.Unchanged, Is.True, unchanged.Reason);
        Assert.That(unchanged.Reason, Does.Match(@"^it reaches reflection \(Activator\.CreateInstance\), so it may run anything; all \d+ methods of Bench\.Core, Bench\.PerfTests are identical in both builds$"));
        Assert.That(changed.Unchanged, Is.False);
        Assert.That(changed.Reason, Is.EqualTo("it reaches reflection (Activator.CreateInstance), so it may run anything, and Geometry.Unused differs (Bench.Core)"));
    }

    [Test]
    public void ABenchmarkUsingDynamicMayRunAnything()
    {
        using var same = CompiledBuilds.Of(Core, Benchmarks);
        using var elsewhere = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("x * 2;", "x * 3;"));

        Assert.That(same.Compare(Fixture, "Dynamic").Reason, Does.StartWith("it reaches dynamic code (CSharpArgumentInfo.Create), so it may run anything; all "));
        Assert.That(same.Compare(Fixture, "Dynamic").Unchanged, Is.True);
        Assert.That(elsewhere.Compare(Fixture, "Dynamic").Unchanged, Is.False);
    }

    [Test]
    public void AChangedEmbeddedResourceIsAChangeForTheBenchmarksReachingItsAssembly()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, baselineData: "small input", currentData: "a larger input");

        Assert.That(builds.Compare(Fixture, "Length"), Is.EqualTo(new CodeChange(false, "Bench.Core's build settings or embedded resources differ")));
    }

    [Test]
    public void AChangedSetupMethodIsAChangeForTheBenchmarkThatNamesIt()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, currentBenchmarks: Benchmarks.Replace("Circles(4)", "Circles(5)"));

        var change = builds.Compare(Fixture, "Areas", "Prepare");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Is.EqualTo("ShapeBenchmarks.Prepare differs (Bench.PerfTests)"));
        Assert.That(builds.Compare(Fixture, "Length").Unchanged, Is.True, "Length's set-up is not Prepare");
    }

    [Test]
    public void AChangedSetUpFixtureOfAnEnclosingNamespaceIsAChangeAndOneOfAnotherNamespaceIsNot()
    {
        using var enclosing = CompiledBuilds.Of(Core, Benchmarks, currentBenchmarks: Benchmarks.Replace("Runs++", "Runs += 2"));
        using var other = CompiledBuilds.Of(Core, Benchmarks, currentBenchmarks: Benchmarks.Replace("public void Once() { }", "public void Once() { System.GC.Collect(); }"));

        var change = enclosing.Compare(Fixture, "Length");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Is.EqualTo("SuiteSetUp.Once differs (Bench.PerfTests)"));
        Assert.That(other.Compare(Fixture, "Length").Unchanged, Is.True, other.Compare(Fixture, "Length").Reason);
    }

    [Test]
    public void AChangeInAnIteratorsBodyIsAChangeThroughItsStateMachine()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("yield return 2 * i", "yield return 3 * i"));

        var change = builds.Compare(Fixture, "Evens");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Does.Match(@"^Sequences\.<Evens>d__\d+\.MoveNext differs \(Bench\.Core\)$"));
    }

    [Test]
    public void AChangedTestCaseSourceIsAChange()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, currentBenchmarks: Benchmarks.Replace("[3, 4]", "[3, 5]"));

        Assert.That(builds.Compare(Fixture, "Evens"), Is.EqualTo(new CodeChange(false, "ShapeBenchmarks.Counts differs (Bench.PerfTests)")));
    }

    [Test]
    public void AChangedSetUpOfABaseFixtureIsAChange()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, currentBenchmarks: Benchmarks.Replace("Offset = 1;", "Offset = 2;"));

        Assert.That(builds.Compare(Fixture, "Length"), Is.EqualTo(new CodeChange(false, "FixtureBase.Reset differs (Bench.PerfTests)")));
    }

    [Test]
    public void DroppingAnInliningHintIsAChange()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, Core.Replace("[MethodImpl(MethodImplOptions.AggressiveInlining)]", ""));

        Assert.That(builds.Compare(Fixture, "Halved"), Is.EqualTo(new CodeChange(false, "Sequences.Half differs (Bench.Core)")));
    }

    [Test]
    public void AnImplementationOnlyTheBaselineHasIsAChangeForTheInterfaceCall()
    {
        var withTriangle = Core.Replace("public static class Shapes", "public sealed class Triangle : IShape { public double Area() => 0.5; }\n\npublic static class Shapes");
        using var builds = CompiledBuilds.Of(withTriangle, Benchmarks, Core);

        var change = builds.Compare(Fixture, "Areas", "Prepare");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Is.EqualTo("Triangle.Area is only in the baseline (Bench.Core)"));
    }

    [Test]
    public void AMissingOrUnreadableBaselineAssemblyIsAChangeSayingSo()
    {
        using var missing = CompiledBuilds.Of(Core, Benchmarks);
        using var corrupt = CompiledBuilds.Of(Core, Benchmarks);
        File.Delete(Path.Combine(missing.Baseline, "Bench.Core.dll"));
        File.WriteAllText(Path.Combine(corrupt.Baseline, "Bench.Core.dll"), "not an assembly");

        var gone = missing.Compare(Fixture, "Length");
        var unreadable = corrupt.Compare(Fixture, "Length");

        Assert.That(gone.Unchanged, Is.False);
        Assert.That(gone.Reason, Is.EqualTo("Bench.Core is not among the baseline's assemblies under test"));
        Assert.That(unreadable.Unchanged, Is.False);
        Assert.That(unreadable.Reason, Does.StartWith($"the baseline's {Path.Combine(corrupt.Baseline, "Bench.Core.dll")} cannot be read ("));
    }

    [Test]
    public void AnUnreadableDepsFileIsAChangeNamingIt()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks);
        File.WriteAllText(Path.Combine(builds.Current, "Bench.PerfTests.deps.json"), "{ not json");

        var change = builds.Compare(Fixture, "Length");

        Assert.That(change.Unchanged, Is.False);
        Assert.That(change.Reason, Does.StartWith($"cannot read which assemblies the current build tests from {Path.Combine(builds.Current, "Bench.PerfTests.deps.json")}"));
    }

    [Test]
    public void AFixtureOrBenchmarkTheBuildDoesNotHaveIsAChangeNamingIt()
    {
        using var builds = CompiledBuilds.Of(Core, Benchmarks, currentBenchmarks: Benchmarks.Replace("public double Length()", "public double Distance()"));

        Assert.That(builds.Compare("Bench.PerfTests.NoSuchBenchmarks", "Length"), Is.EqualTo(new CodeChange(false, "the current build has no fixture Bench.PerfTests.NoSuchBenchmarks")));
        Assert.That(builds.Compare(Fixture, "Distance"), Is.EqualTo(new CodeChange(false, "the baseline's ShapeBenchmarks has no method Distance")));
    }

    [Test]
    public void EveryBenchmarkOfThisRepositorysPerfTestsIsUnchangedAgainstACopyOfItsOwnBuild()
    {
        const string entry = "ActiveInference.Core.PerfTests.dll";
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        var build = Path.Combine(root, "perf-tests", "ActiveInference.Core.PerfTests", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(build, entry))) Assert.Ignore($"no {configuration} build of the perf tests in {build}: build the solution first");
        var copy = Directory.CreateTempSubdirectory("ai-reachable-repository-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(build).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            var benchmarks = PerfBenchmarks(build, entry);

            var clock = Stopwatch.StartNew();
            using var code = ReachableCode.Open(copy, build, entry);
            var changes = benchmarks.Select(b => (Benchmark: b, Change: code.Compare(b.Fixture, b.Method, b.Setup, b.SampleSetup))).ToList();
            clock.Stop();

            TestContext.Out.WriteLine($"Open + Compare of {changes.Count} benchmark methods: {clock.Elapsed.TotalMilliseconds:F0} ms");
            Assert.That(benchmarks, Has.Count.GreaterThanOrEqualTo(10));
            Assert.Multiple(() =>
            {
                foreach (var (benchmark, change) in changes)
                    Assert.That(change.Unchanged, Is.True, $"{benchmark.Fixture}.{benchmark.Method}: {change.Reason}");
            });
            TestContext.Out.WriteLine(string.Join("\n", changes.Select(c => $"{c.Benchmark.Method}: {c.Change.Reason}")));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    // Every [PerfBenchmark] method of the perf test assembly with the set-ups its attribute names, read with Cecil.
    private static List<(string Fixture, string Method, string? Setup, string? SampleSetup)> PerfBenchmarks(string build, string entry)
    {
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(build);
        using var assembly = AssemblyDefinition.ReadAssembly(Path.Combine(build, entry), new ReaderParameters { AssemblyResolver = resolver });
        var found = new List<(string, string, string?, string?)>();
        foreach (var type in assembly.MainModule.GetTypes())
            foreach (var method in type.Methods)
                foreach (var attribute in method.CustomAttributes.Where(a => a.AttributeType.FullName == typeof(PerfBenchmarkAttribute).FullName))
                {
                    string? Named(string name) => attribute.Properties.Where(p => p.Name == name).Select(p => (string?)p.Argument.Value).FirstOrDefault();
                    found.Add((type.FullName, method.Name, Named(nameof(PerfBenchmarkAttribute.Setup)), Named(nameof(PerfBenchmarkAttribute.SampleSetup))));
                }
        return found;
    }
}
