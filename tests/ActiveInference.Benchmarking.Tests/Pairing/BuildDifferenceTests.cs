using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>Which packages and which runtime settings differ between two builds, read from their deps.json and runtimeconfig.json.</summary>
public class BuildDifferenceTests
{
    private const string Entry = "Foo.PerfTests.dll";

    private const string RuntimeConfigJson = """
        {
          "runtimeOptions": {
            "tfm": "net10.0",
            "framework": { "name": "Microsoft.NETCore.App", "version": "10.0.0" },
            "configProperties": { "System.GC.Server": false, "System.Globalization.Invariant": false }
          }
        }
        """;

    private string _baseline = "";
    private string _current = "";

    [SetUp]
    public void SetUp()
    {
        _baseline = Directory.CreateTempSubdirectory("ai-builddifference-baseline-").FullName;
        _current = Directory.CreateTempSubdirectory("ai-builddifference-current-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        Directory.Delete(_baseline, recursive: true);
        Directory.Delete(_current, recursive: true);
    }

    [Test]
    public void TheSameBuildInAnotherFolderDiffersInNothing()
    {
        foreach (var folder in new[] { _baseline, _current })
        {
            Write(folder, Deps(("MathNet.Numerics", "5.0.0")), RuntimeConfigJson);
            File.WriteAllText(Path.Combine(folder, "MathNet.Numerics.dll"), "the same bytes");
        }

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Differs, Is.False, difference.Describe());
        Assert.That(difference.Describe(), Is.Empty);
    }

    [Test]
    public void APackageVersionBumpIsReportedWithBothVersions()
    {
        Write(_baseline, Deps(("MathNet.Numerics", "5.0.0"), ("NUnit", "5.0.0")), RuntimeConfigJson);
        Write(_current, Deps(("MathNet.Numerics", "5.1.0"), ("NUnit", "5.0.0")), RuntimeConfigJson);

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Packages, Is.EqualTo(new[] { new PackageDifference("MathNet.Numerics", "5.0.0", "5.1.0", false, false) }));
        Assert.That(difference.Runtime, Is.Null);
        Assert.That(difference.Describe(), Is.EqualTo("packages differ: MathNet.Numerics 5.0.0 → 5.1.0"));
    }

    [Test]
    public void APackageOnlyTheFrameworkDependsOnIsSharedLikeTheFramework()
    {
        static string WithDependencies(string cecil, string lib) => $$"""
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": { ".NETCoreApp,Version=v10.0": {
                "Foo.PerfTests/1.0.0": { "dependencies": { "ActiveInference.Benchmarking": "0.1.0", "Foo.Lib": "{{lib}}" }, "runtime": { "Foo.PerfTests.dll": {} } },
                "ActiveInference.Benchmarking/0.1.0": { "dependencies": { "Mono.Cecil": "{{cecil}}" }, "runtime": { "ActiveInference.Benchmarking.dll": {} } },
                "Mono.Cecil/{{cecil}}": { "runtime": { "lib/netstandard2.0/Mono.Cecil.dll": {} } },
                "Foo.Lib/{{lib}}": { "runtime": { "lib/net8.0/Foo.Lib.dll": {} } }
              } },
              "libraries": {
                "Foo.PerfTests/1.0.0": { "type": "project" },
                "ActiveInference.Benchmarking/0.1.0": { "type": "project" },
                "Mono.Cecil/{{cecil}}": { "type": "package" },
                "Foo.Lib/{{lib}}": { "type": "package" }
              }
            }
            """;
        Write(_baseline, WithDependencies("0.11.5", "1.0.0"), RuntimeConfigJson);
        Write(_current, WithDependencies("0.11.6", "1.1.0"), RuntimeConfigJson);

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Packages, Is.EqualTo(new[]
        {
            new PackageDifference("Foo.Lib", "1.0.0", "1.1.0", false, false),
            new PackageDifference("Mono.Cecil", "0.11.5", "0.11.6", false, true),
        }), "the code under test reaches Foo.Lib itself, Mono.Cecil only through the framework");
    }

    [Test]
    public void APackageOfTheSameVersionWhoseFilesDifferInContentIsReported()
    {
        Write(_baseline, Deps(("MathNet.Numerics", "5.0.0"), ("Other", "1.0.0")), RuntimeConfigJson);
        Write(_current, Deps(("MathNet.Numerics", "5.0.0"), ("Other", "1.0.0")), RuntimeConfigJson);
        File.WriteAllText(Path.Combine(_baseline, "MathNet.Numerics.dll"), "patched in the cache");
        File.WriteAllText(Path.Combine(_current, "MathNet.Numerics.dll"), "patched in the cachf");
        File.WriteAllText(Path.Combine(_baseline, "Other.dll"), "same");
        File.WriteAllText(Path.Combine(_current, "Other.dll"), "same");

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Packages.Single(), Is.EqualTo(new PackageDifference("MathNet.Numerics", "5.0.0", "5.0.0", false, false)));
        Assert.That(difference.Packages.Single().IsContentOnly, Is.True);
        Assert.That(difference.Describe(), Is.EqualTo("packages differ: MathNet.Numerics (content)"));
    }

    [Test]
    public void NativeFilesOfOtherRuntimesAreNotComparedAndThoseOfThisOneAre()
    {
        var deps = """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": { ".NETCoreApp,Version=v10.0": { "Native.Lib/1.0.0": { "runtimeTargets": {
                "runtimes/linux-x64/native/libnative.so": { "rid": "linux-x64", "assetType": "native" },
                "runtimes/win-x64/native/native.dll": { "rid": "win-x64", "assetType": "native" } } } } },
              "libraries": { "Native.Lib/1.0.0": { "type": "package" } }
            }
            """;
        foreach (var (folder, linux, windows) in new[] { (_baseline, "linux", "windows"), (_current, "linux", "windows, patched") })
        {
            Write(folder, deps, RuntimeConfigJson);
            Directory.CreateDirectory(Path.Combine(folder, "runtimes", "linux-x64", "native"));
            Directory.CreateDirectory(Path.Combine(folder, "runtimes", "win-x64", "native"));
            File.WriteAllText(Path.Combine(folder, "runtimes", "linux-x64", "native", "libnative.so"), linux);
            File.WriteAllText(Path.Combine(folder, "runtimes", "win-x64", "native", "native.dll"), windows);
        }

        Assert.That(BuildDifference.Compare(_baseline, _current, Entry, "linux-x64").Packages, Is.Empty, "the Windows file never runs here");
        Assert.That(BuildDifference.Compare(_baseline, _current, Entry, "win-x64").Packages.Single(),
            Is.EqualTo(new PackageDifference("Native.Lib", "1.0.0", "1.0.0", true, false)));
    }

    [Test]
    public void APackageOnOneSideOnlyIsReportedWithTheSideThatHasIt()
    {
        Write(_baseline, Deps(("Old.Thing", "1.0.0")), RuntimeConfigJson);
        Write(_current, Deps(("New.Thing", "2.0.0")), RuntimeConfigJson);

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Packages, Is.EqualTo(new[]
        {
            new PackageDifference("New.Thing", null, "2.0.0", false, false),
            new PackageDifference("Old.Thing", "1.0.0", null, false, false),
        }));
        Assert.That(difference.Describe(), Is.EqualTo("packages differ: New.Thing (only in the current build, 2.0.0); Old.Thing (only in the baseline, 1.0.0)"));
    }

    [Test]
    public void PackagesWithNativeAssetsAndTheTestHarnessAreMarked()
    {
        Write(_baseline, Deps(("SkiaSharp.NativeAssets.Linux", "3.0.0"), ("NUnit", "5.0.0"), ("Microsoft.TestPlatform.ObjectModel", "18.0.0"),
            ("ActiveInference.Benchmarking", "0.1.0")), RuntimeConfigJson);
        Write(_current, Deps(("SkiaSharp.NativeAssets.Linux", "3.1.0"), ("NUnit", "5.0.1"), ("Microsoft.TestPlatform.ObjectModel", "18.1.0"),
            ("ActiveInference.Benchmarking", "0.2.0")), RuntimeConfigJson);

        var byName = BuildDifference.Compare(_baseline, _current, Entry).Packages.ToDictionary(p => p.Name);

        Assert.That(byName["SkiaSharp.NativeAssets.Linux"], Is.EqualTo(new PackageDifference("SkiaSharp.NativeAssets.Linux", "3.0.0", "3.1.0", true, false)));
        Assert.That(byName["NUnit"].IsHarness && byName["Microsoft.TestPlatform.ObjectModel"].IsHarness && byName["ActiveInference.Benchmarking"].IsHarness, Is.True);
        Assert.That(byName.Values.Count(p => p.HasNativeAssets), Is.EqualTo(1));
    }

    [Test]
    public void AChangedConfigPropertyIsARuntimeDifferenceNamingTheSettingAndBothValues()
    {
        Write(_baseline, Deps(), RuntimeConfigJson);
        Write(_current, Deps(), RuntimeConfigJson.Replace("\"System.Globalization.Invariant\": false", "\"System.Globalization.Invariant\": true"));

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Packages, Is.Empty);
        Assert.That(difference.Runtime, Is.EqualTo("runtimeconfig.json: System.Globalization.Invariant false → true"));
        Assert.That(difference.Describe(), Is.EqualTo("runtime differs: runtimeconfig.json: System.Globalization.Invariant false → true"));
    }

    [Test]
    public void AnotherFrameworkVersionRollForwardOrRuntimeTargetIsARuntimeDifference()
    {
        Write(_baseline, Deps(), RuntimeConfigJson);
        Write(_current, Deps().Replace("v10.0", "v11.0"), RuntimeConfigJson.Replace("\"10.0.0\" }", "\"11.0.0\", \"rollForward\": \"Major\" }")
            .Replace("\"System.GC.Server\": false, ", ""));

        var runtime = BuildDifference.Compare(_baseline, _current, Entry).Runtime;

        Assert.That(runtime, Is.EqualTo("runtimeconfig.json: frameworks Microsoft.NETCore.App 10.0.0 → Microsoft.NETCore.App 11.0.0; "
            + "runtimeconfig.json: rollForward (unset) → Microsoft.NETCore.App Major; runtimeconfig.json: System.GC.Server false → (unset); "
            + "deps.json: runtime target .NETCoreApp,Version=v10.0 → .NETCoreApp,Version=v11.0"));
    }

    [Test]
    public void ACorruptDepsFileMakesTheBuildsDifferAndNamesTheFile()
    {
        Write(_baseline, Deps(("MathNet.Numerics", "5.0.0")), RuntimeConfigJson);
        Write(_current, "{ \"libraries\": { ", RuntimeConfigJson);

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Differs, Is.True);
        Assert.That(difference.Unreadable, Does.StartWith($"the current build's {Path.Combine(_current, "Foo.PerfTests.deps.json")} cannot be read ("));
        Assert.That(difference.Describe(), Does.StartWith("cannot tell whether the builds differ: the current build's "));
    }

    [Test]
    public void AMissingRuntimeConfigMakesTheBuildsDifferAndNamesTheFile()
    {
        Write(_baseline, Deps(), RuntimeConfigJson);
        Write(_current, Deps(), runtimeConfig: null);

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Differs, Is.True);
        Assert.That(difference.Unreadable, Does.StartWith($"the current build's {Path.Combine(_current, "Foo.PerfTests.runtimeconfig.json")} cannot be read"));
    }

    [Test]
    public void ADepsFileWithoutLibrariesIsUnreadableNotAnException()
    {
        Write(_baseline, Deps(), RuntimeConfigJson);
        Write(_current, "{ \"runtimeTarget\": { \"name\": \".NETCoreApp,Version=v10.0\" } }", "{ \"other\": 1 }");

        var difference = BuildDifference.Compare(_baseline, _current, Entry);

        Assert.That(difference.Unreadable, Does.Contain("Foo.PerfTests.deps.json").And.Contain("Foo.PerfTests.runtimeconfig.json"));
    }

    private static string Deps(params (string Id, string Version)[] packages)
    {
        var targets = string.Join(",\n", packages.Select(p => p.Id.Contains("NativeAssets")
            ? $$"""      "{{p.Id}}/{{p.Version}}": { "runtimeTargets": { "runtimes/linux-x64/native/libSkiaSharp.so": { "rid": "linux-x64", "assetType": "native" } } }"""
            : $$"""      "{{p.Id}}/{{p.Version}}": { "runtime": { "lib/net8.0/{{p.Id}}.dll": {} } }"""));
        var libraries = string.Join(",\n", packages.Select(p => $$"""    "{{p.Id}}/{{p.Version}}": { "type": "package", "serviceable": true, "sha512": "" }"""));
        return $$"""
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0", "signature": "" },
              "targets": { ".NETCoreApp,Version=v10.0": {
                  "Foo.PerfTests/1.0.0": { "runtime": { "Foo.PerfTests.dll": {} } }{{(packages.Length > 0 ? ",\n" + targets : "")}}
              } },
              "libraries": {
                "Foo.PerfTests/1.0.0": { "type": "project", "serviceable": false, "sha512": "" }{{(packages.Length > 0 ? ",\n" + libraries : "")}}
              }
            }
            """;
    }

    private static void Write(string folder, string deps, string? runtimeConfig)
    {
        File.WriteAllText(Path.Combine(folder, "Foo.PerfTests.deps.json"), deps);
        if (runtimeConfig is not null) File.WriteAllText(Path.Combine(folder, "Foo.PerfTests.runtimeconfig.json"), runtimeConfig);
    }
}
