using System.Text.Json;
using System.Xml.Linq;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Tests.Execution;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Packaging;

/// <summary>
/// What the paired gate sees beyond the project's own code, in a scratch git repository whose perf project uses a
/// package from a local feed: a package bump that does twice the work regresses and is named; a runtime setting
/// (InvariantGlobalization, a runtimeconfig.json change no two builds can share in one process) is measured in
/// interleaved processes and its large effect (about 2x on culture-aware comparison) found, while a benchmark it does
/// not touch is not called changed. Packs two package versions and runs the gate three times (about two minutes), so
/// in category Packaging.
/// </summary>
[Category(PackageEndToEndTests.Category)]
[NonParallelizable]
public class BuildDifferenceEndToEndTests
{
    private const string Project = "Scratch.PerfTests";
    private string _root = "";
    private string _repository = "";
    private string _baseline = "";
    private string _package = "";

    [OneTimeSetUp]
    public void CreateRepository()
    {
        _root = Directory.CreateTempSubdirectory("perf-builddiff-").FullName;
        _repository = Path.Combine(_root, "repo");
        var feed = Path.Combine(_root, "feed");
        // A new package id per run: NuGet caches a version once, whatever the feed holds later.
        _package = "Scratch.Lib.T" + Guid.NewGuid().ToString("N")[..8];
        Write("lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><PackageId>{_package}</PackageId><AssemblyName>{_package}</AssemblyName></PropertyGroup>
            </Project>
            """, _root);
        foreach (var (version, units) in new[] { ("1.0.0", 16), ("1.1.0", 32) })
        {
            Write("lib/Work.cs", $$"""
                namespace ScratchLib;

                public static class Lib
                {
                    public static double Work(double[] data)
                    {
                        var s = 0.0;
                        for (var u = 0; u < {{units}}; u++)
                            foreach (var x in data) s += System.Math.Sqrt(x + u);
                        return s;
                    }
                }
                """, _root);
            var packed = ChildProcess.Run("dotnet", ["pack", Path.Combine(_root, "lib", "Lib.csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}", "--nologo"],
                _root, TimeSpan.FromMinutes(3), expectSuccess: false);
            Assert.That(File.Exists(Path.Combine(feed, $"{_package}.{version}.nupkg")), packed);
        }

        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test assembly");
        var versions = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        string[] packages = ["Microsoft.NET.Test.Sdk", "NUnit", "NUnit3TestAdapter", "MathNet.Numerics", "Microsoft.Extensions.Configuration", "ScottPlot", "Microsoft.Data.Sqlite"];
        Write("nuget.config", $"""
            <configuration><packageSources><add key="scratch" value="{feed}" /></packageSources></configuration>
            """);
        Write($"{Project}/{Project}.csproj", ProjectFile(root, packages.Select(p => (p, versions[p])).Append((_package, "1.0.0")), invariant: false));
        Write($"{Project}/Benchmarks.cs", """
            using ActiveInference.Benchmarking;

            namespace Scratch;

            public class Benchmarks
            {
                private readonly double[] _data = Enumerable.Range(0, 64).Select(i => 1.0 + i * 0.01).ToArray();
                private readonly string[] _words = Enumerable.Range(0, 64).Select(i => "Straße" + (char)('a' + i % 26) + i).ToArray();

                [PerfBenchmark(Iterations = 30, Warmup = 3, TimeLimit = 5, WarmupTimeMilliseconds = 100, MinMeasurementTimeMilliseconds = 200, Threshold = 0.5)]
                public double LibWork() => ScratchLib.Lib.Work(_data);

                [PerfBenchmark(Iterations = 30, Warmup = 3, TimeLimit = 5, WarmupTimeMilliseconds = 100, MinMeasurementTimeMilliseconds = 200, Threshold = 0.5)]
                public int Collate()
                {
                    var n = 0;
                    for (var i = 1; i < _words.Length; i++) n += string.Compare(_words[i - 1], _words[i], StringComparison.InvariantCultureIgnoreCase);
                    return n;
                }
            }
            """);
        Write("perf.runsettings", """
            <RunSettings>
              <RunConfiguration><TestCaseFilter>TestCategory=Performance</TestCaseFilter></RunConfiguration>
              <NUnit><NumberOfTestWorkers>0</NumberOfTestWorkers></NUnit>
              <TestRunParameters><Parameter name="mode" value="gate" /></TestRunParameters>
            </RunSettings>
            """);
        Write(".gitignore", "bin/\nobj/\nTestResults/\n");
        Git("init", "--quiet");
        Git("add", ".");
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "baseline");
        _baseline = Git("rev-parse", "HEAD");

        string ProjectFile(string repositoryRoot, IEnumerable<(string Name, string Version)> references, bool invariant) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(repositoryRoot, "build", "PerfTests.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsTestProject>true</IsTestProject>
                <InvariantGlobalization>{(invariant ? "true" : "false")}</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
            {string.Join(Environment.NewLine, references.Select(p => $"""    <PackageReference Include="{p.Name}" Version="{p.Version}" />"""))}
                <Reference Include="ActiveInference.Benchmarking" HintPath="{typeof(PerfBenchmarkAttribute).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """;
    }

    [OneTimeTearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [SetUp]
    public void ResetToBaseline()
    {
        Git("reset", "--quiet", "--hard", _baseline);
        Git("clean", "--quiet", "-fd");
    }

    [Test]
    public void APackageBumpThatDoesTwiceTheWorkRegressesAndNamesThePackage()
    {
        Edit($"{Project}/{Project}.csproj", $"Include=\"{_package}\" Version=\"1.0.0\"", $"Include=\"{_package}\" Version=\"1.1.0\"");

        var (results, output) = RunPerf("LibWork");

        var gate = results["LibWork"].GetProperty("baseline_comparison");
        Assert.Multiple(() =>
        {
            Assert.That(gate.GetProperty("verdict").GetString(), Is.EqualTo("regressed"), output);
            Assert.That(gate.GetProperty("method").GetString(), Is.EqualTo("paired"), "a managed package loads per copy");
            Assert.That(gate.GetProperty("ratio").GetDouble(), Is.GreaterThan(1.6));
            Assert.That(gate.GetProperty("message").GetString(), Does.Contain($"the builds differ in {_package} 1.0.0 → 1.1.0"));
            Assert.That(gate.GetProperty("build_differences").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { $"{_package} 1.0.0 → 1.1.0" }));
        });
    }

    [Test]
    public void TheSamePackageVersionPassesWhenMeasured()
    {
        var (results, output) = RunPerf("LibWork", "TestRunParameters.Parameter(name=\"skipUnchanged\", value=\"false\")");

        var gate = results["LibWork"].GetProperty("baseline_comparison");
        Assert.That(gate.GetProperty("verdict").GetString(), Is.EqualTo("passed"), output);
        Assert.That(gate.TryGetProperty("build_differences", out _), Is.False, "nothing differs");
    }

    [Test]
    public void ARuntimeSettingIsMeasuredInInterleavedProcessesAndItsLargeEffectFound()
    {
        Edit($"{Project}/{Project}.csproj", "<InvariantGlobalization>false</InvariantGlobalization>", "<InvariantGlobalization>true</InvariantGlobalization>");

        var (results, output) = RunPerf(null);

        var collate = results["Collate"].GetProperty("baseline_comparison");
        var untouched = results["LibWork"].GetProperty("baseline_comparison");
        Assert.Multiple(() =>
        {
            Assert.That(collate.GetProperty("method").GetString(), Is.EqualTo("interleaved"), output);
            Assert.That(collate.GetProperty("verdict").GetString(), Is.EqualTo("improved"), output);
            Assert.That(collate.GetProperty("ratio").GetDouble(), Is.LessThan(0.75), "ICU collation against ordinal comparison");
            Assert.That(collate.GetProperty("message").GetString(), Does.Contain("System.Globalization.Invariant").And.Contain("interleaved: "));
            Assert.That(untouched.GetProperty("method").GetString(), Is.EqualTo("interleaved"));
            Assert.That(untouched.GetProperty("verdict").GetString(), Is.AnyOf("passed", "inconclusive"), "the setting does not touch it: " + output);
        });
    }

    private (Dictionary<string, JsonElement> Results, string Output) RunPerf(string? name, params string[] parameters)
    {
        var results = Path.Combine(_repository, "TestResults", "perf-" + Guid.NewGuid().ToString("N"));
        string[] filter = name is null ? [] : ["--filter", $"Name={name}"];
        var output = ChildProcess.Run("dotnet", ["test", $"{Project}/{Project}.csproj", "-c", "Release", "--settings", "perf.runsettings", .. filter,
            "--logger", "console;verbosity=normal", "--",
            $"TestRunParameters.Parameter(name=\"baselineRef\", value=\"{_baseline}\")",
            $"TestRunParameters.Parameter(name=\"resultsDirectory\", value=\"{results}\")", .. parameters], _repository, TimeSpan.FromMinutes(4), expectSuccess: false);
        var file = Path.Combine(results, "results.json");
        Assert.That(File.Exists(file), Is.True, output);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return (document.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.Clone()), output);
    }

    private void Edit(string relative, string from, string to)
    {
        var path = Path.Combine(_repository, relative);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from));
        File.WriteAllText(path, text.Replace(from, to));
    }

    private void Write(string relative, string text, string? folder = null)
    {
        var path = Path.Combine(folder ?? _repository, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Git(params string[] arguments) => ChildProcess.Run("git", arguments, _repository, TimeSpan.FromSeconds(30), expectSuccess: true);
}
