using System.Text.Json;
using System.Xml.Linq;
using ActiveInference.Benchmarking.Configuration;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Packaging;

/// <summary>The `dotnet new perftest` template names the versions this repository builds and tests with.</summary>
public class TemplateVersionTests
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test assembly");

    [Test]
    public void TheTemplatePackageAndItsDefaultReferenceHaveTheFrameworkPackagesVersion()
    {
        var framework = PackageVersion(Path.Combine(Root, "src", "ActiveInference.Benchmarking", "ActiveInference.Benchmarking.csproj"));
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "templates", "perf-project", ".template.config", "template.json")));

        Assert.Multiple(() =>
        {
            Assert.That(PackageVersion(Path.Combine(Root, "templates", "ActiveInference.Benchmarking.Templates.csproj")), Is.EqualTo(framework));
            Assert.That(template.RootElement.GetProperty("symbols").GetProperty("BenchmarkingVersion").GetProperty("defaultValue").GetString(), Is.EqualTo(framework));
        });
    }

    [Test]
    public void TheTemplateProjectUsesTheTestStackVersionsOfThisRepository()
    {
        var pinned = XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var referenced = XDocument.Load(Path.Combine(Root, "templates", "perf-project", "PerfProject.csproj")).Descendants("PackageReference")
            .Where(e => (string)e.Attribute("Include")! != "ActiveInference.Benchmarking")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);

        Assert.That(referenced, Is.Not.Empty);
        foreach (var (package, version) in referenced)
            Assert.That(version, Is.EqualTo(pinned[package]), package);
    }

    private static string PackageVersion(string project) =>
        XDocument.Load(project).Descendants("PackageVersion").Single().Value;
}
