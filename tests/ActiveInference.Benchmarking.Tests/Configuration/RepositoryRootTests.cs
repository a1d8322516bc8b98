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
    public void The_root_is_the_nearest_folder_with_a_solution_file()
    {
        File.WriteAllText(Path.Combine(_top, "repo", "Product.sln"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin", "Release")), Is.EqualTo(Path.Combine(_top, "repo")));
    }

    [Test]
    public void A_baselines_file_marks_the_root_too()
    {
        File.WriteAllText(Path.Combine(_top, "repo", "Product.sln"), "");
        File.WriteAllText(Path.Combine(_top, "repo", "tests", "baselines.json"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin")), Is.EqualTo(Path.Combine(_top, "repo", "tests")));
    }

    [Test]
    public void A_git_repository_root_marks_the_root()
    {
        Directory.CreateDirectory(Path.Combine(_top, "repo", ".git"));
        File.WriteAllText(Path.Combine(_top, "repo", "tests", "Perf.csproj"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin", "Release")), Is.EqualTo(Path.Combine(_top, "repo")));
    }

    [Test]
    public void Without_a_repository_or_solution_a_project_folder_is_the_root()
    {
        File.WriteAllText(Path.Combine(_top, "repo", "tests", "Perf.csproj"), "");

        Assert.That(RepositoryRoot.Find(Path.Combine(_top, "repo", "tests", "bin", "Release")), Is.EqualTo(Path.Combine(_top, "repo", "tests")));
    }

    [Test]
    public void This_repository_is_found_from_the_test_assembly()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);

        Assert.That(root, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(root!, "ActiveInference.PerfTests.sln")), Is.True);
    }
}
