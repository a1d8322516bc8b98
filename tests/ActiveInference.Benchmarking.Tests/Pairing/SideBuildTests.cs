using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>Which assemblies each copy loads for itself, read from a build folder's deps.json.</summary>
public class SideBuildTests
{
    private const string Entry = "Foo.PerfTests.dll";

    private const string Deps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0", "signature": "" },
          "targets": { ".NETCoreApp,Version=v10.0": {} },
          "libraries": {
            "Foo.PerfTests/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "ActiveInference.Core/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "Foo.Shared/2.1.0": { "type": "project", "serviceable": false, "sha512": "" },
            "ActiveInference.Benchmarking/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "Foo.Analyzers/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "MathNet.Numerics/5.0.0": { "type": "package", "serviceable": true, "sha512": "sha512-x", "path": "mathnet.numerics/5.0.0" },
            "NUnit/5.0.0": { "type": "package", "serviceable": true, "sha512": "sha512-y", "path": "nunit/5.0.0" },
            "Foo.Native/1.0.0": { "type": "package", "serviceable": true, "sha512": "sha512-z", "path": "foo.native/1.0.0" },
            "Microsoft.TestPlatform.ObjectModel/18.11.0": { "type": "package" },
            "System.Private.Thing/1.0.0": { "type": "reference" },
            "Untyped/1.0.0": { }
          }
        }
        """;

    private string _folder = "";

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("ai-sidebuild-tests-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void ProjectLibrariesBuiltIntoTheFolderAreUnderTestExceptThisFramework()
    {
        Write(Deps, Entry, "ActiveInference.Core.dll", "Foo.Shared.dll", "ActiveInference.Benchmarking.dll", "MathNet.Numerics.dll",
            "nunit.framework.dll", "Untyped.dll", "System.Private.Thing.dll", "Microsoft.TestPlatform.ObjectModel.dll");

        var build = SideBuild.Read(Side.Current, _folder, Entry, ["MathNet.Numerics", "NUnit", "Foo.Native", "Microsoft.TestPlatform.ObjectModel"]);

        Assert.That(build.AssembliesUnderTest, Is.EqualTo(new[] { "ActiveInference.Core", "Foo.PerfTests", "Foo.Shared" }),
            "references and untyped libraries are shared; Foo.Analyzers built no dll here");
        Assert.That(build.PackageAssemblies, Is.EqualTo(new[] { "MathNet.Numerics" }),
            "the packages that differ are per side, except NUnit and the test platform; Foo.Native has no dll here");
        Assert.That(build.PerCopy, Is.EquivalentTo(new[] { "ActiveInference.Core", "Foo.PerfTests", "Foo.Shared", "MathNet.Numerics" }));
        Assert.That(build.Side, Is.EqualTo(Side.Current));
        Assert.That(build.EntryAssembly, Is.EqualTo(Entry));
        Assert.That(build.EntryPath, Is.EqualTo(Path.Combine(_folder, Entry)));
    }

    [Test]
    public void TheEntryAssemblyIsUnderTestEvenWhenTheDepsFileListsNoProject()
    {
        Write("""{ "libraries": { "NUnit/5.0.0": { "type": "package" } } }""", Entry);

        Assert.That(SideBuild.Read(Side.Baseline, _folder, Entry).AssembliesUnderTest, Is.EqualTo(new[] { "Foo.PerfTests" }));
    }

    [Test]
    public void PackagesAlikeOnBothSidesAreShared()
    {
        Write(Deps, Entry, "ActiveInference.Core.dll", "MathNet.Numerics.dll");

        Assert.That(SideBuild.Read(Side.Current, _folder, Entry).PackageAssemblies, Is.Empty);
    }

    [Test]
    public void APackageLoadsTheRuntimeAssembliesItsTargetEntryNames()
    {
        Write("""
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": { ".NETCoreApp,Version=v10.0": {
                "Foo.Lib/1.1.0": { "runtime": { "lib/net10.0/Foo.Lib.Core.dll": {}, "lib/net10.0/Foo.Lib.Extra.dll": {} } } } },
              "libraries": { "Foo.Lib/1.1.0": { "type": "package" } }
            }
            """, Entry, "Foo.Lib.Core.dll", "Foo.Lib.Extra.dll", "Foo.Lib.dll");

        Assert.That(SideBuild.Read(Side.Current, _folder, Entry, ["Foo.Lib"]).PackageAssemblies, Is.EqualTo(new[] { "Foo.Lib.Core", "Foo.Lib.Extra" }));
    }

    [Test]
    public void TheFolderIsMadeAFullPath()
    {
        Write(Deps, Entry);
        var roundabout = Path.Combine(_folder, "..", Path.GetFileName(_folder), ".");

        Assert.That(SideBuild.Read(Side.Baseline, roundabout, Entry).Directory.TrimEnd(Path.DirectorySeparatorChar), Is.EqualTo(_folder));
    }

    [Test]
    public void AMissingEntryAssemblyIsAnErrorNamingTheSideAndTheFile()
    {
        Write(Deps);

        var error = Assert.Throws<PairingException>(() => SideBuild.Read(Side.Baseline, _folder, Entry))!;

        Assert.That(error.Message, Is.EqualTo($"the baseline has no {Entry} in {_folder}"));
    }

    [Test]
    public void AMissingDepsFileIsAnErrorNamingIt()
    {
        Write(null, Entry);

        var error = Assert.Throws<PairingException>(() => SideBuild.Read(Side.Current, _folder, Entry))!;

        Assert.That(error.Message, Does.StartWith("cannot read which assemblies the current build tests from ")
            .And.Contain(Path.Combine(_folder, "Foo.PerfTests.deps.json")));
    }

    [TestCase("{ not json")]
    [TestCase("""{ "targets": {} }""")]
    [TestCase("""{ "libraries": [] }""")]
    public void AnUnreadableDepsFileIsAnErrorNamingIt(string content)
    {
        Write(content, Entry);

        var error = Assert.Throws<PairingException>(() => SideBuild.Read(Side.Baseline, _folder, Entry))!;

        Assert.That(error.Message, Does.StartWith("cannot read which assemblies the baseline tests from ")
            .And.Contain(Path.Combine(_folder, "Foo.PerfTests.deps.json")));
    }

    /// <summary>Writes <c>Foo.PerfTests.deps.json</c> (unless null) and empty files of the given names.</summary>
    private void Write(string? deps, params string[] files)
    {
        if (deps is not null) File.WriteAllText(Path.Combine(_folder, "Foo.PerfTests.deps.json"), deps);
        foreach (var file in files) File.WriteAllBytes(Path.Combine(_folder, file), []);
    }
}
