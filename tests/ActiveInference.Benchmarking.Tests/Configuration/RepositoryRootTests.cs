using ActiveInference.Benchmarking.Configuration;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Configuration;

[TestFixture]
public sealed class RepositoryRootTests
{
    private string _top = "";

    [SetUp]
    public void SetUp()
    {
        _top = Path.Combine(Path.GetTempPath(), "ai-root-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_top, "repo", "tests", "bin", "Release"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_top, recursive: true);

    [Test]
    public void TheRootIsTheNearestFolderWithASolutionFile()
    {
        File.WriteAllText(Path.Combine(_top, "repo", "Product.sln"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin", "Release")), Is.EqualTo(Path.Combine(_top, "repo")));
    }

    [Test]
    public void ABaselinesFileMarksTheRootToo()
    {
        File.WriteAllText(Path.Combine(_top, "repo", "Product.sln"), "");
        File.WriteAllText(Path.Combine(_top, "repo", "tests", "baselines.json"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin")), Is.EqualTo(Path.Combine(_top, "repo", "tests")));
    }

    [Test]
    public void AGitRepositoryRootMarksTheRoot()
    {
        Directory.CreateDirectory(Path.Combine(_top, "repo", ".git"));
        File.WriteAllText(Path.Combine(_top, "repo", "tests", "Perf.csproj"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin", "Release")), Is.EqualTo(Path.Combine(_top, "repo")));
    }

    [Test]
    public void WithoutARepositoryOrSolutionAProjectFolderIsTheRoot()
    {
        File.WriteAllText(Path.Combine(_top, "repo", "tests", "Perf.csproj"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin", "Release")), Is.EqualTo(Path.Combine(_top, "repo", "tests")));
    }

    [Test]
    public void ThisRepositoryIsFoundFromTheTestAssembly()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);

        Assert.That(root, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(root!, "ActiveInference.PerfTests.sln")), Is.True);
    }
}
