using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>Finding the project a perf assembly was built from, so the baseline's version of it can be built.</summary>
public class PerfProjectTests
{
    private string _folder = "";

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("ai-perfproject-tests-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void TheProjectIsTheNearestOneOfTheAssemblysNameAboveIt()
    {
        var project = Path.Combine(_folder, "perf", "Foo.PerfTests");
        var output = Path.Combine(project, "bin", "Release", "net10.0");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(project, "Foo.PerfTests.csproj"), "");
        File.WriteAllText(Path.Combine(_folder, "Foo.PerfTests.csproj"), "");
        File.WriteAllText(Path.Combine(output, "Other.csproj"), "");

        Assert.That(PerfProject.Locate(Path.Combine(output, "Foo.PerfTests.dll")), Is.EqualTo(Path.Combine(project, "Foo.PerfTests.csproj")));
    }

    [Test]
    public void WithoutAProjectOfThatNameThereIsNone()
    {
        var output = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(_folder, "Other.csproj"), "");

        Assert.That(PerfProject.Locate(Path.Combine(output, "Unlikely.Name.7f3a.PerfTests.dll")), Is.Null);
    }
}
