using ActiveInference.Benchmarking.Configuration;
using ArchUnitNET.Loader;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Architecture.RoomOrder;

namespace ActiveInference.Benchmarking.Tests.Architecture;

/// <summary>
/// Holds the rooms' direction (README.md, "Working on this repository") over every type reference of the compiled
/// framework: signatures, fields, attributes and method bodies, however the source names the type.
/// </summary>
public class RoomDirectionTests
{
    private static readonly Lazy<(IReadOnlyList<TypeReference> References, IReadOnlyList<string> Namespaces)> s_framework = new(Read);

    [Test]
    public void NoRoomRefersToARoomAboveIt()
    {
        var violations = Framework.Violations(s_framework.Value.References);

        Assert.That(violations, Is.Empty,
            "a room refers to a room above it (README.md, \"Working on this repository\", lists the rooms lowest first): move the " +
            "type both need down to the lower room, or pass the higher room's work in as a value or delegate:\n  " + string.Join("\n  ", violations));
    }

    [Test]
    public void EveryNamespaceOfTheFrameworkIsARoomOfTheOrder()
    {
        var unplaced = Framework.Unplaced(s_framework.Value.Namespaces);

        Assert.That(unplaced, Is.Empty, "a new room: add it to RoomOrder.Framework and to the README's list of rooms, where its references put it");
    }

    [Test]
    public void NoRoomUsesAConstantOfARoomAboveIt()
    {
        var folder = Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test assembly"), "src", "ActiveInference.Benchmarking");
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(File.ReadAllText);

        var violations = Framework.Violations(RoomConstants.References(sources));

        Assert.That(violations, Is.Empty, "a room uses a constant of a room above it (the compiled code keeps only its value): move the constant down:\n  " + string.Join("\n  ", violations));
    }

    [Test]
    public void AConstantOfARoomAboveUsedQualifiedOrThroughAUsingIsAViolation()
    {
        var references = RoomConstants.References(
        [
            "namespace ActiveInference.Benchmarking.Baselines;\ninternal static class BaselineStore { public const int DefaultKeep = 7; }",
            "namespace ActiveInference.Benchmarking.Configuration;\ninternal static class PerfOptions { public const int Keep = Baselines.BaselineStore.DefaultKeep; }",
            "using ActiveInference.Benchmarking.Baselines;\nnamespace ActiveInference.Benchmarking.Engine;\ninternal static class Settings { public static int Keep() => BaselineStore.DefaultKeep; }",
            "namespace ActiveInference.Benchmarking.Execution;\ninternal static class Runs { public static int Keep() => Baselines.BaselineStore.DefaultKeep; }",
            "namespace ActiveInference.Benchmarking.Statistics;\ninternal static class Other { public static int Keep() => BaselineStore.DefaultKeep; }",
        ]);

        Assert.That(Framework.Violations(references), Is.EqualTo(new[]
        {
            "Configuration.PerfOptions -> Baselines.BaselineStore: Configuration is below Baselines",
            "Engine.Settings -> Baselines.BaselineStore: Engine is below Baselines",
        }));
    }

    [Test]
    public void TheCompiledAssemblyShowsAReferenceWrittenAsAFullyQualifiedNameInAMethodBody()
    {
        // ChildProcessEntry.Run calls Pairing.PairedProcess.RunChild, spelled out without a using.
        Assert.That(s_framework.Value.References, Has.Some.Matches<TypeReference>(r =>
            r.FromType == Root + ".Execution.ChildProcessEntry" && r.ToType == Root + ".Pairing.PairedProcess"));
    }

    [Test]
    public void AReferenceFromARoomToARoomAboveItIsAViolation()
    {
        var violations = Framework.Violations([Reference("Statistics.Quantile", "Reporting.ResultRow"), Reference("Pairing.BenchmarkCopy+Side", "Execution.CaseMeasurement")]);

        Assert.That(violations, Is.EqualTo(new[]
        {
            "Pairing.BenchmarkCopy -> Execution.CaseMeasurement: Pairing is below Execution",
            "Statistics.Quantile -> Reporting.ResultRow: Statistics is below Reporting",
        }));
    }

    [Test]
    public void ReferencesWithinARoomDownTheOrderOrOutOfTheFrameworkAreNoViolation()
    {
        var violations = Framework.Violations(
        [
            Reference("Reporting.ResultRow", "Statistics.Quantile"),
            Reference("Gate.RecordedGate", "Gate.Verdict"),
            Reference("Baselines.Recording", "BenchmarkResult"),
            new TypeReference(Root + ".Engine", Root + ".Engine.Workload", "NUnit.Framework", "NUnit.Framework.TestAttribute"),
        ]);

        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void AnAllowedReferenceCoversOnlyTheTwoTypesItNames()
    {
        var violations = Framework.Violations(
        [
            Reference("PerfSuiteAttribute", "Execution.PerfSession"),
            Reference("PerfSuiteAttribute+Nested", "Execution.PerfSession"),
            Reference("PerfSuiteAttribute", "Execution.OutputFormatter"),
            Reference("PerfMetrics", "Execution.PerfSession"),
        ]);

        Assert.That(violations, Is.EqualTo(new[]
        {
            "PerfMetrics -> Execution.PerfSession: the root namespace is below Execution",
            "PerfSuiteAttribute -> Execution.OutputFormatter: the root namespace is below Execution",
        }));
    }

    [Test]
    public void AFrameworkNamespaceOutsideTheOrderIsUnplaced() =>
        Assert.That(Framework.Unplaced([Root + ".Gate", Root, Root + ".Cases", Root + ".Cases.Binding", "NUnit.Framework"]), Is.EqualTo(new[] { Root + ".Cases", Root + ".Cases.Binding" }));

    private static TypeReference Reference(string from, string to) =>
        new(Namespace(from), Root + "." + from, Namespace(to), Root + "." + to);

    private static string Namespace(string relativeType)
    {
        var outer = relativeType.Split('+')[0];
        return outer.Contains('.') ? Root + "." + outer[..outer.LastIndexOf('.')] : Root;
    }

    private static (IReadOnlyList<TypeReference>, IReadOnlyList<string>) Read()
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(PerfMetrics).Assembly).Build();
        var references = architecture.Types
            .SelectMany(type => type.Dependencies
                .Where(d => d.Target?.Namespace is not null)
                .Select(d => new TypeReference(type.Namespace.FullName, type.FullName, d.Target.Namespace.FullName, d.Target.FullName)))
            .Distinct()
            .ToArray();
        return (references, architecture.Types.Select(t => t.Namespace.FullName).Distinct().ToArray());
    }
}
