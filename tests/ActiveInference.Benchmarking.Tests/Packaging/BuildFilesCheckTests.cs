using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.Tests.Execution;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Packaging;

/// <summary>
/// A perf project of this repository that references the framework by ProjectReference but forgets the build files'
/// import fails its build naming the import (Directory.Build.targets), instead of "No test is available".
/// </summary>
[TestFixture]
[Category(PackageEndToEndTests.Category)]
public sealed class BuildFilesCheckTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test assembly");
        // Inside the repository (so its Directory.Build.* apply), in an ignored folder.
        _folder = Path.Combine(root, "tests", "ActiveInference.Benchmarking.Tests", "obj", "build-files-check-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void AProjectReferenceWithoutTheImportFailsTheBuildNamingTheImport()
    {
        var framework = Path.GetRelativePath(_folder, Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "src", "ActiveInference.Benchmarking", "ActiveInference.Benchmarking.csproj"));
        File.WriteAllText(Path.Combine(_folder, "Scratch.PerfTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="NUnit" />
                <PackageReference Include="NUnit3TestAdapter" />
                <ProjectReference Include="{framework}" />
              </ItemGroup>
            </Project>
            """);

        var output = ChildProcess.Run("dotnet", ["msbuild", "Scratch.PerfTests.csproj", "-restore", "-t:CheckPerfBuildFilesImported", "-nologo"], _folder, TimeSpan.FromMinutes(3), expectSuccess: false);

        Assert.That(output, Does.Contain("error PERF001").And.Contain("Scratch.PerfTests references ActiveInference.Benchmarking but not its build files")
            .And.Contain("<Import Project=\"../../../../build/PerfTests.targets\" />"));
    }
}
