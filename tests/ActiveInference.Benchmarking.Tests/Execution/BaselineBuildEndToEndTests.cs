using System.Text.Json;
using System.Xml.Linq;
using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.IO;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Execution;

/// <summary>
/// The whole paired path as a user meets it, in a scratch git repository with a small perf test project whose
/// benchmarks are bare <c>[PerfBenchmark]</c> methods: `dotnet test` discovers them, builds the baseline commit once
/// in a worktree, pairs it with the dirty working tree and reports through results.json. Effects are 3x, so nothing
/// here can flake.
/// </summary>
[NonParallelizable]
public class BaselineBuildEndToEndTests
{
    private const string Project = "Scratch.PerfTests";
    private string _repository = "";
    private string _baseline = "";

    [OneTimeSetUp]
    public void CreateRepository()
    {
        _repository = Directory.CreateTempSubdirectory("perf-scratch-repo-").FullName;
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test assembly");
        var versions = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        string[] packages = ["Microsoft.NET.Test.Sdk", "NUnit", "NUnit3TestAdapter", "MathNet.Numerics", "Microsoft.Extensions.Configuration",
            "ScottPlot", "Microsoft.Data.Sqlite"];
        Write($"{Project}/{Project}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(root, "build", "PerfTests.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
            {string.Join(Environment.NewLine, packages.Select(p => $"""    <PackageReference Include="{p}" Version="{versions[p]}" />"""))}
                <Reference Include="ActiveInference.Benchmarking" HintPath="{typeof(PerfBenchmarkAttribute).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        Write($"{Project}/Kernel.cs", Kernel(units: 16));
        Write($"{Project}/Benchmarks.cs", """
            using ActiveInference.Benchmarking;

            namespace Scratch;

            public class Benchmarks
            {
                private readonly double[] _data = Enumerable.Range(0, 64).Select(i => 1.0 + i * 0.01).ToArray();

                [PerfBenchmark(Iterations = 30, Warmup = 3, TimeLimit = 5, WarmupTimeMilliseconds = 100, MinMeasurementTimeMilliseconds = 200, Threshold = 0.5)]
                public double Work() => Kernel.Work(_data);
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
    }

    [OneTimeTearDown]
    public void DeleteRepository() => Directory.Delete(_repository, recursive: true);

    /// <summary>Each test starts from the baseline commit with a clean tree (the ignored bin, obj and cache stay, so builds are reused).</summary>
    [SetUp]
    public void ResetToBaseline()
    {
        Git("reset", "--quiet", "--hard", _baseline);
        Git("clean", "--quiet", "-fd");
    }

    [Test]
    public void BarePerfBenchmarkMethodsAreDiscoveredByDotnetTest()
    {
        var output = Dotnet("test", $"{Project}/{Project}.csproj", "-c", "Release", "--list-tests");

        Assert.That(output, Does.Contain("The following Tests are available:").And.Contain("    Work"), output);
    }

    [Test]
    public void ADirtyTreeThreeTimesSlowerThanTheBaselineCommitFailsAndANewBenchmarkIsNew()
    {
        Write($"{Project}/Kernel.cs", Kernel(units: 48));
        Write($"{Project}/Added.cs", Bare("Added", "Other", "Math.Sqrt(2.0)"));

        var (results, output) = RunPerf(_baseline);

        var work = results["Work"].GetProperty("baseline_comparison");
        var other = results["Other"];
        Assert.Multiple(() =>
        {
            Assert.That(work.GetProperty("verdict").GetString(), Is.EqualTo("regressed"), output);
            Assert.That(work.GetProperty("method").GetString(), Is.EqualTo("paired"));
            Assert.That(work.GetProperty("baseline_commit").GetString(), Is.EqualTo(_baseline));
            Assert.That(work.GetProperty("ratio").GetDouble(), Is.GreaterThan(2.0));
            Assert.That(other.GetProperty("verdict").GetString(), Is.EqualTo("new"), output);
            Assert.That(File.Exists(Path.Combine(_repository, Project, "obj", "perf-baseline", _baseline, "ready")), "the build is cached by commit in the project's obj folder");
            Assert.That(Git("worktree", "list").Split('\n'), Has.Length.EqualTo(1), "the worktree is removed after the build");
            Assert.That(output, Does.Contain("building the baseline (commit " + _baseline[..7]));
        });
    }

    [Test]
    public void AnUnreachedChangeLeavesABenchmarkUnchangedWithoutPairedProcesses()
    {
        Write("README.md", "Only the documentation changed.");
        Write($"{Project}/Unreached.cs", Bare("Unreached", "Elsewhere", "Math.Sqrt(5.0)"));

        var (results, output) = RunPerf(_baseline);

        var work = results["Work"].GetProperty("baseline_comparison");
        Assert.Multiple(() =>
        {
            Assert.That(work.GetProperty("verdict").GetString(), Is.EqualTo("unchanged"), output);
            Assert.That(work.GetProperty("message").GetString(), Does.StartWith("Work is unchanged: ").And.Contain("not measured"));
            Assert.That(work.TryGetProperty("processes", out _), Is.False, "no paired process ran");
            Assert.That(work.TryGetProperty("comparison_seconds", out _), Is.False);
            Assert.That(results["Elsewhere"].GetProperty("verdict").GetString(), Is.EqualTo("new"), "a benchmark the baseline lacks is measured");
        });
    }

    [Test]
    public void ABaselineCommitThatDoesNotBuildMakesEveryBenchmarkInconclusiveWithTheLogAfterOneAttempt()
    {
        Write($"{Project}/Broken.cs", "this is not C#");
        Git("add", ".");
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "broken");
        var broken = Git("rev-parse", "HEAD");
        Git("rm", "--quiet", $"{Project}/Broken.cs");
        Git("reset", "--quiet", "--soft", _baseline);
        Write($"{Project}/Second.cs", Bare("Second", "Also", "Math.Sqrt(3.0)"));

        var (results, output) = RunPerf(broken);

        var log = Path.Combine(_repository, Project, "obj", "perf-baseline", broken, "build.log");
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "Work", "Also" })
            {
                Assert.That(results[name].GetProperty("verdict").GetString(), Is.EqualTo("inconclusive"), output);
                Assert.That(results[name].GetProperty("baseline_comparison").GetProperty("message").GetString(), Does.Contain("does not build").And.Contain(log));
            }
            Assert.That(File.ReadAllText(log), Does.Contain("error CS"));
            Assert.That(output.Split("building the baseline (commit " + broken[..7]).Length - 1, Is.EqualTo(1), "one build attempt for the whole run");
        });
    }

    /// <summary>A class with one bare, short [PerfBenchmark] method <paramref name="method"/> returning <paramref name="expression"/>.</summary>
    private static string Bare(string className, string method, string expression) => $$"""
        using ActiveInference.Benchmarking;

        namespace Scratch;

        public class {{className}}
        {
            [PerfBenchmark(Iterations = 10, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 50, MinMeasurementTimeMilliseconds = 50)]
            public double {{method}}() => {{expression}};
        }
        """;

    private static string Kernel(int units) => $$"""
        using System.Runtime.CompilerServices;

        namespace Scratch;

        public static class Kernel
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            public static double Work(double[] data)
            {
                var s = 0.0;
                for (var u = 0; u < {{units}}; u++)
                    for (var i = 0; i < data.Length; i++)
                        s += data[i] * data[(i + u) & 63];
                return s;
            }
        }
        """;

    private (Dictionary<string, JsonElement> Results, string Output) RunPerf(string baselineRef)
    {
        var results = Path.Combine(_repository, "TestResults", "perf-" + Guid.NewGuid().ToString("N"));
        var output = Dotnet("test", $"{Project}/{Project}.csproj", "-c", "Release", "--settings", "perf.runsettings", "--logger", "console;verbosity=normal", "--",
            $"TestRunParameters.Parameter(name=\"baselineRef\", value=\"{baselineRef}\")",
            $"TestRunParameters.Parameter(name=\"resultsDirectory\", value=\"{results}\")");
        var file = Path.Combine(results, "results.json");
        Assert.That(File.Exists(file), Is.True, output);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var byName = document.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.Clone());
        return (byName, output);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repository, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Git(params string[] arguments) => Run("git", arguments, TimeSpan.FromSeconds(30), expectSuccess: true);

    private string Dotnet(params string[] arguments) => Run("dotnet", arguments, TimeSpan.FromMinutes(4), expectSuccess: false);

    private string Run(string program, string[] arguments, TimeSpan timeout, bool expectSuccess) =>
        ChildProcess.Run(program, arguments, _repository, timeout, expectSuccess);
}
