using System.Text.Json;
using System.Xml.Linq;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Tests.Execution;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Packaging;

/// <summary>
/// The package as another repository meets it: ActiveInference.Benchmarking and the template package are packed
/// with a version no cache has seen, `dotnet new perftest` makes a project in a temporary folder that is neither a
/// git repository nor under a solution, and it restores from a local feed (plus nuget.org), lists, measures and
/// records its benchmarks. About a minute, so in category <see cref="Category"/>, which `.ci/run` runs as its own step
/// and plain `dotnet test` leaves out.
/// </summary>
[TestFixture]
[Category(Category)]
[NonParallelizable]
public class PackageEndToEndTests
{
    /// <summary>The NUnit category of the tests that pack and consume the packages.</summary>
    public const string Category = "Packaging";

    private const string Project = "Demo.PerfTests";
    private string _folder = "";
    private string _version = "";
    private string _project = "";

    [OneTimeSetUp]
    public void PackAndCreateProject()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test assembly");
        // The framework was built with this test assembly, in its configuration (bin/<configuration>/<framework>/).
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!);
        _version = "0.0.0-test.g" + Guid.NewGuid().ToString("N")[..12];
        _folder = Directory.CreateTempSubdirectory("perf-package-").FullName;
        var feed = Path.Combine(_folder, "feed");
        var hive = Path.Combine(_folder, "template-hive");
        _project = Path.Combine(_folder, Project);

        Dotnet(root, "pack", Path.Combine(root, "src", "ActiveInference.Benchmarking"), "-c", configuration, "--no-build", $"-p:PackageVersion={_version}", "-o", feed);
        Dotnet(root, "pack", Path.Combine(root, "templates", "ActiveInference.Benchmarking.Templates.csproj"), "-c", configuration, $"-p:PackageVersion={_version}", "-o", feed);
        File.WriteAllText(Path.Combine(_folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        Dotnet(_folder, "new", "install", Path.Combine(feed, $"ActiveInference.Benchmarking.Templates.{_version}.nupkg"), "--debug:custom-hive", hive);
        Dotnet(_folder, "new", "perftest", "-n", Project, "-o", _project, "--BenchmarkingVersion", _version, "--debug:custom-hive", hive);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (_folder.Length > 0) Directory.Delete(_folder, recursive: true);
        // The test version is unique: drop it from NuGet's global packages folder instead of leaving one per run.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(cache, "activeinference.benchmarking", _version);
        if (_version.Length > 0 && Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
    }

    [Test]
    public void TheTemplateProjectIsThePackageReferenceAndTheTestStackOnly()
    {
        var references = XDocument.Load(Path.Combine(_project, Project + ".csproj")).Descendants("PackageReference")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);

        Assert.Multiple(() =>
        {
            Assert.That(references.Keys, Is.EquivalentTo(new[] { "ActiveInference.Benchmarking", "Microsoft.NET.Test.Sdk", "NUnit", "NUnit3TestAdapter" }));
            Assert.That(references["ActiveInference.Benchmarking"], Is.EqualTo(_version));
            Assert.That(XDocument.Load(Path.Combine(_project, Project + ".csproj")).Descendants("Import"), Is.Empty, "no import: the package brings its build files");
            Assert.That(File.Exists(Path.Combine(_project, "perf.runsettings")));
        });
    }

    [Test]
    public void TheTemplateBenchmarkIsListedByDotnetTest()
    {
        var output = Dotnet(_folder, "test", _project, "-c", "Release", "--list-tests");

        Assert.That(output, Does.Contain("The following Tests are available:").And.Contain("    Sum(100)").And.Contain("    Sum(10000)"));
    }

    [Test]
    public void OneBenchmarkMeasuredPassesAndItsResultsAreWrittenInTheProjectFolder()
    {
        var output = Dotnet(_folder, "test", _project, "-c", "Release", "--settings", Path.Combine(_project, "perf.runsettings"),
            "--filter", @"Name=Sum\(100\)", "--logger", "console;verbosity=normal", "--",
            "TestRunParameters.Parameter(name=\"mode\", value=\"measure\")");

        var results = Path.Combine(_project, "TestResults", "perf", "results.json");
        Assert.That(File.Exists(results), Is.True, $"no {results}; the root is the project folder when no repository or solution is above it\n{output}");
        using var document = JsonDocument.Parse(File.ReadAllText(results));
        var measured = document.RootElement.GetProperty("results").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Passed Sum(100)").And.Contain("measured only (mode measure)"));
            Assert.That(measured.GetProperty("name").GetString(), Is.EqualTo("Sum(100)"));
            Assert.That(measured.GetProperty("verdict").GetString(), Is.EqualTo("not_compared"));
            Assert.That(measured.GetProperty("custom_metrics").GetProperty("result").GetDouble(), Is.Not.Zero, "Prepare got the argument before the first call");
        });
    }

    [Test]
    public void UpdatePerfBaselinesRecordsIntoBaselinesJsonBesideTheProject()
    {
        var output = Dotnet(_folder, "build", _project, "-c", "Release", "-t:UpdatePerfBaselines");

        var baselines = Path.Combine(_project, "baselines.json");
        Assert.That(File.Exists(baselines), Is.True, output);
        Assert.That(File.ReadAllText(baselines), Does.Contain($"{Project}.ExampleBenchmarks.Sum(100)").And.Contain($"{Project}.ExampleBenchmarks.Sum(10000)"));
    }

    private static string Dotnet(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run("dotnet", arguments, workingDirectory, TimeSpan.FromMinutes(4), expectSuccess: true);
}
