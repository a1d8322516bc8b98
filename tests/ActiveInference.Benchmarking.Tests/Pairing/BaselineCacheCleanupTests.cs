using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>
/// What killed baseline builds leave in the cache (<c>bin-&lt;guid&gt;</c> folders, a <c>src</c> worktree) is removed by
/// the next build, against a scratch git repository; the cached builds are hits, so nothing here runs <c>dotnet build</c>.
/// </summary>
[TestFixture]
public class BaselineCacheCleanupTests
{
    private const string Entry = "Foo.PerfTests.dll";
    private const string OtherCommit = "0123456789abcdef0123456789abcdef01234567";
    private const string BusyCommit = "89abcdef0123456789abcdef0123456789abcdef";

    private string _repo = "";
    private string _commit = "";
    private string _cache = "";
    private readonly List<string> _progress = [];

    [SetUp]
    public void CreateRepository()
    {
        _repo = Directory.CreateTempSubdirectory("ai-cache-cleanup-").FullName;
        if (!Git.Run(_repo, "--version").Succeeded)
            Assert.Ignore("git is not available");
        GitOk("-c", "init.defaultBranch=main", "init", "-q");
        _repo = GitOk("rev-parse", "--show-toplevel");
        File.WriteAllText(Path.Combine(_repo, "a.txt"), "one");
        GitOk("add", "a.txt");
        GitOk("-c", "user.name=Perf Tests", "-c", "user.email=perf@example.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", "first");
        _commit = GitOk("rev-parse", "HEAD");
        _cache = Path.Combine(_repo, "perf", "obj", "perf-baseline");
        _progress.Clear();
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_repo, recursive: true);

    [Test]
    public void TheNextBuildOfACommitRemovesThePartialOutputAndTheWorktreeAKilledBuildLeft()
    {
        var folder = Finished(_commit);
        var partial = Partial(folder);
        var source = Worktree(folder);

        var code = Build();

        Assert.Multiple(() =>
        {
            Assert.That(code.IsAvailable, Is.True, code.Reason);
            Assert.That(code.Directory, Is.EqualTo(Path.Combine(folder, "bin")));
            Assert.That(Directory.Exists(partial), Is.False, "the killed build's bin-<guid>");
            Assert.That(Directory.Exists(source), Is.False, "the killed build's worktree");
            Assert.That(GitOk("worktree", "list", "--porcelain"), Does.Not.Contain(source), "git forgets the worktree too");
            Assert.That(File.Exists(Path.Combine(folder, "bin", Entry)) && File.Exists(Path.Combine(folder, "ready")), Is.True, "the finished build stays");
            Assert.That(_progress, Has.Some.Contains("removed 2 partial baseline build folder(s)"));
        });
    }

    [Test]
    public void PartialBuildsOfOtherCommitsAreRemovedOnlyWhenTheirLockIsFree()
    {
        Finished(_commit);
        var other = Finished(OtherCommit);
        var otherPartial = Partial(other);
        var otherSource = Worktree(other);
        var busy = Path.Combine(_cache, BusyCommit);
        var busyPartial = Partial(busy);
        var notACommit = Partial(Path.Combine(_cache, "notes"));
        var (held, problem) = FileLock.Acquire(busy, TimeSpan.FromSeconds(5));
        Assert.That(held, Is.Not.Null, problem);

        using (held)
            Build();

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(otherPartial), Is.False);
            Assert.That(Directory.Exists(otherSource), Is.False);
            Assert.That(File.Exists(Path.Combine(other, "bin", Entry)), Is.True, "another commit's finished build stays");
            Assert.That(Directory.Exists(busyPartial), Is.True, "a commit being built (its lock held) is left alone");
            Assert.That(Directory.Exists(notACommit), Is.True, "only commit folders are cache folders");
        });
    }

    [Test]
    public void ACleanCacheHitRemovesNothingAndSaysNothing()
    {
        var folder = Finished(_commit);

        Assert.That(BaselineCacheCleanup.RemoveStale(_repo, folder), Is.Empty);
        Assert.That(Build().IsAvailable, Is.True);
        Assert.That(_progress, Is.Empty);
    }

    private BaselineCode Build() => new BaselineBuilder(_cache, _progress.Add).Build(_repo, _commit, Path.Combine("perf", "Foo.PerfTests.csproj"), Entry);

    /// <summary>A finished build as <see cref="BaselineBuilder"/> leaves it: <c>bin/&lt;entry&gt;</c> and the ready marker.</summary>
    private string Finished(string commit)
    {
        var folder = Path.Combine(_cache, commit);
        Directory.CreateDirectory(Path.Combine(folder, "bin"));
        File.WriteAllBytes(Path.Combine(folder, "bin", Entry), []);
        File.WriteAllText(Path.Combine(folder, "ready"), commit);
        return folder;
    }

    /// <summary>A build output folder a killed build left, with a file in it.</summary>
    private static string Partial(string folder)
    {
        var partial = Path.Combine(folder, "bin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(partial);
        File.WriteAllBytes(Path.Combine(partial, Entry), []);
        return partial;
    }

    /// <summary>The worktree a killed build left in <paramref name="folder"/>, registered with git.</summary>
    private string Worktree(string folder)
    {
        var source = Path.Combine(folder, "src");
        GitOk("worktree", "add", "--detach", "--force", source, _commit);
        return source;
    }

    private string GitOk(params string[] arguments)
    {
        var result = Git.Run(_repo, arguments);
        Assert.That(result.Succeeded, Is.True, $"git {string.Join(' ', arguments)}: {result.Error}");
        return result.Output;
    }
}
