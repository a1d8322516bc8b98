using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Tests.Baselines;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>
/// Which code the paired gate measures as the baseline, against a scratch git repository made once for the fixture:
/// two commits (the first tagged <c>v1</c>), a perf project whose first commit's build is already in the baseline
/// cache (so nothing here runs <c>dotnet build</c>), and folders outside git.
/// </summary>
[TestFixture]
public class BaselineCodeResolverTests
{
    private const string Entry = "Foo.PerfTests.dll";
    private const string Profile = "here";
    private const string MadeUpCommit = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>A valid branch name that a shell would read as two commands, the second creating the file <c>pwned</c>.</summary>
    private const string ShellLikeBranch = "x;touch>pwned";

    private string _top = "";
    private string _repo = "";
    private string _first = "";
    private string _assembly = "";
    private string _cachedBuild = "";
    private readonly List<string> _progress = [];

    [OneTimeSetUp]
    public void CreateRepository()
    {
        _top = Directory.CreateTempSubdirectory("ai-resolver-tests-").FullName;
        if (!Git.Run(_top, "--version").Succeeded)
            Assert.Ignore("git is not available");
        _repo = Path.Combine(_top, "repo");
        Directory.CreateDirectory(_repo);
        GitOk(_repo, "-c", "init.defaultBranch=main", "init", "-q");
        _repo = GitOk(_repo, "rev-parse", "--show-toplevel");
        Commit("one", "first");
        _first = GitOk(_repo, "rev-parse", "HEAD");
        GitOk(_repo, "tag", "v1");
        GitOk(_repo, "branch", ShellLikeBranch);
        Commit("two", "second");

        var project = Path.Combine(_repo, "perf", "Foo.PerfTests");
        var output = Path.Combine(project, "bin", "Release", "net10.0");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(project, "Foo.PerfTests.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        _assembly = Path.Combine(output, Entry);
        File.WriteAllBytes(_assembly, []);

        // The first commit's build, as BaselineBuilder leaves it: <cache>/<commit>/bin/<entry> and a "ready" marker.
        var cached = Path.Combine(BaselineCodeResolver.CacheFolder(Path.Combine(project, "Foo.PerfTests.csproj")), _first);
        _cachedBuild = Path.Combine(cached, "bin");
        Directory.CreateDirectory(_cachedBuild);
        File.WriteAllBytes(Path.Combine(_cachedBuild, Entry), []);
        File.WriteAllText(Path.Combine(cached, "ready"), _first);
    }

    [OneTimeTearDown]
    public void DeleteRepository()
    {
        if (Directory.Exists(_top)) Directory.Delete(_top, recursive: true);
    }

    [SetUp]
    public void SetUp() => _progress.Clear();

    [Test]
    public void ABaselineRefNamingNothingIsAConfigurationError()
    {
        var code = Resolve("no-such-branch", null);

        Assert.That(code.IsAvailable, Is.False);
        Assert.That(code.IsConfigurationError, Is.True);
        Assert.That(code.Reason, Is.EqualTo($"baselineRef 'no-such-branch' names no commit in {_repo} and no folder"));
    }

    [Test]
    public void ABaselineRefFolderWithoutThePerfAssemblyIsAConfigurationError()
    {
        var folder = Folder("empty-build");

        var code = Resolve(folder, null);

        Assert.That(code.IsConfigurationError, Is.True);
        Assert.That(code.Reason, Is.EqualTo($"baselineRef '{folder}' is a folder without {Entry}: it must hold a build of the perf test project"));
    }

    [Test]
    public void ABaselineRefFolderWithThePerfAssemblyIsTheBaselineAsItIs()
    {
        var folder = Folder("prebuilt", Entry);

        var code = Resolve(folder, Document(("bench", 1, MadeUpCommit)));

        Assert.That(code, Is.EqualTo(BaselineCode.At(folder, null, $"the build in {folder}")));
        Assert.That(code.IsAvailable, Is.True);
        Assert.That(code.IsConfigurationError, Is.False);
    }

    [TestCase("v1")]
    [TestCase("HEAD~1")]
    [TestCase("main^")]
    [TestCase(ShellLikeBranch)]
    public void ABaselineRefCommitIshIsResolvedToItsFullHashAndItsBuild(string reference)
    {
        var code = Resolve(reference, null);

        AssertCachedFirstCommit(code);
    }

    [Test]
    public void ABaselineRefAbbreviatedHashIsResolvedToTheFullHash()
    {
        AssertCachedFirstCommit(Resolve(_first[..9], null));
    }

    [TestCase("HEAD; rm -rf marker")]
    [TestCase("HEAD && rm -rf marker")]
    [TestCase("$(rm -rf marker)")]
    [TestCase("`rm -rf marker`")]
    [TestCase("--output=pwned")]
    [TestCase("--git-dir=/")]
    public void ABaselineRefThatLooksLikeACommandOrAnOptionIsOnlyEverAValue(string reference)
    {
        var markers = new[] { Path.Combine(_repo, "marker"), Path.Combine(Path.GetDirectoryName(_assembly)!, "marker") };
        foreach (var marker in markers) File.WriteAllText(marker, "");

        var code = Resolve(reference, null);

        Assert.That(code.IsConfigurationError, Is.True);
        Assert.That(code.Reason, Does.StartWith($"baselineRef '{reference}' names no commit"));
        Assert.That(markers.Select(File.Exists), Has.All.True, "nothing was run");
        Assert.That(Pwned(), Is.Empty);
    }

    [Test]
    public void ABranchNameWithShellSyntaxCreatesNoFile()
    {
        Resolve(ShellLikeBranch, null);

        Assert.That(Pwned(), Is.Empty);
    }

    [Test]
    public void WithoutBaselineRefOrBaselinesFileThereIsNoBaselineCodeAndNoError()
    {
        var code = Resolve(null, null);

        Assert.That(code.IsAvailable, Is.False);
        Assert.That(code.IsConfigurationError, Is.False);
        Assert.That(code.Reason, Is.EqualTo("there is no baselines file to name a baseline commit"));
    }

    [Test]
    public void WithoutBaselineRefAndNoRecordingNamingACommitThereIsNoBaselineCode()
    {
        var code = Resolve(null, Document(("bench", 1, null), ("other", 2, " ")));

        Assert.That(code.IsAvailable, Is.False);
        Assert.That(code.IsConfigurationError, Is.False);
        Assert.That(code.Reason, Is.EqualTo("no recording in the baselines file names its commit"));
    }

    [Test]
    public void ARecordedCommitMissingFromTheRepositorySuggestsFetchingTheHistory()
    {
        var code = Resolve(null, Document(("bench", 1, MadeUpCommit)));

        Assert.That(code.IsAvailable, Is.False);
        Assert.That(code.IsConfigurationError, Is.False, "falls back to the recorded numbers");
        Assert.That(code.Commit, Is.EqualTo(MadeUpCommit));
        Assert.That(code.Description, Is.EqualTo("commit 0123456"));
        Assert.That(code.Reason, Does.Contain("0123456").And.Contain("shallow clone").And.Contain("fetch-depth"));
    }

    [Test]
    public void TheRecordedCommitIsResolvedToItsFullHashAndItsBuild()
    {
        AssertCachedFirstCommit(Resolve(null, Document(("bench", 1, _first[..7]))));
    }

    [Test]
    public void ACommitWithoutAProjectFileBesideTheAssemblyHasNoBaselineCode()
    {
        var assembly = Path.Combine(Folder(Path.Combine("repo", "loose", "bin"), "Bar.PerfTests.dll"), "Bar.PerfTests.dll");

        var code = Resolve("v1", null, assembly);

        Assert.That(code.IsAvailable, Is.False);
        Assert.That(code.Commit, Is.EqualTo(_first));
        Assert.That(code.Reason, Is.EqualTo("cannot find the project file of Bar.PerfTests.dll to build the baseline's version of it"));
    }

    [Test]
    public void AProjectFileOutsideTheRepositoryCannotBeBuiltAsTheBaseline()
    {
        File.WriteAllText(Path.Combine(_top, "Outer.PerfTests.csproj"), "<Project />");
        var assembly = Path.Combine(Folder(Path.Combine("repo", "outer", "bin"), "Outer.PerfTests.dll"), "Outer.PerfTests.dll");

        var code = Resolve("v1", null, assembly);

        Assert.That(code.IsAvailable, Is.False);
        Assert.That(code.IsBuildFailure, Is.True, "the commit was asked for and found: Inconclusive, not the recorded numbers");
        Assert.That(code.Reason, Is.EqualTo($"{Path.Combine(_top, "Outer.PerfTests.csproj")} is outside the repository {_repo}, so the baseline's version of it cannot be built"));
    }

    [Test]
    public void OutsideAGitRepositoryACommitIshBaselineRefIsAConfigurationErrorAndARecordedCommitIsNot()
    {
        var folder = Folder("nogit", Entry);
        if (Git.Run(folder, "rev-parse", "--show-toplevel").Succeeded)
            Assert.Ignore($"{folder} is inside a git repository");
        var assembly = Path.Combine(folder, Entry);

        var named = Resolve("main", null, assembly);
        var recorded = Resolve(null, Document(("bench", 1, MadeUpCommit)), assembly);

        Assert.That(named.IsConfigurationError, Is.True);
        Assert.That(named.Reason, Does.StartWith($"baselineRef 'main' is not a folder, and {folder} is not in a git repository"));
        Assert.That(recorded.IsConfigurationError, Is.False);
        Assert.That(recorded.Commit, Is.EqualTo(MadeUpCommit));
        Assert.That(recorded.Reason, Does.StartWith($"the baseline is commit 0123456, but git finds no repository at {folder} ("));
    }

    [Test]
    public void RecordedCommitIsThisProfilesLatestRecording()
    {
        var document = new BaselineDocument(1, new Dictionary<string, ProfileBaselines>
        {
            [Profile] = ProfileOf(Profile, ("a", 1, "old"), ("a", 5, "newest-here"), ("b", 3, "middle"), ("b", 6, null)),
            ["elsewhere"] = ProfileOf("elsewhere", ("a", 9, "newest-anywhere")),
        });

        Assert.That(BaselineCodeResolver.RecordedCommit(document, Profile), Is.EqualTo("newest-here"), "a recording without a commit does not count");
        Assert.That(BaselineCodeResolver.RecordedCommit(document, "unknown"), Is.EqualTo("newest-anywhere"), "no recording here: the latest of any profile");
    }

    [Test]
    public void RecordedCommitFallsBackToAnyProfileWhenThisOnesNameNoCommit()
    {
        var document = new BaselineDocument(1, new Dictionary<string, ProfileBaselines>
        {
            [Profile] = ProfileOf(Profile, ("a", 9, null)),
            ["x"] = ProfileOf("x", ("a", 2, "older")),
            ["y"] = ProfileOf("y", ("a", 4, "newer")),
        });

        Assert.That(BaselineCodeResolver.RecordedCommit(document, Profile), Is.EqualTo("newer"));
        Assert.That(BaselineCodeResolver.RecordedCommit(null, Profile), Is.Null);
        Assert.That(BaselineCodeResolver.RecordedCommit(BaselineDocument.Empty, Profile), Is.Null);
    }

    [Test]
    public void GitReceivesEachArgumentVerbatimAndNeverThroughAShell()
    {
        var result = Git.Run(_repo, "rev-parse", "--sq-quote", "a b", "c;d", "$(e)", "`f`", "'g'");

        Assert.That(result.Succeeded, Is.True, result.Error);
        Assert.That(result.Output, Is.EqualTo(@"'a b' 'c;d' '$(e)' '`f`' ''\''g'\'''"));
    }

    [Test]
    public void GitFailuresAreReturnedNotThrown()
    {
        var missing = Git.Run(Path.Combine(_top, "no", "such", "folder"), "status");
        var unknown = Git.Run(_repo, "rev-parse", "--verify", "--quiet", "--end-of-options", "no-such-ref^{commit}");

        Assert.That(missing.Succeeded, Is.False);
        Assert.That(missing.ExitCode, Is.EqualTo(-1));
        Assert.That(missing.Error, Is.Not.Empty);
        Assert.That(unknown.Succeeded, Is.False);
        Assert.That(unknown.ExitCode, Is.Not.EqualTo(-1));
    }

    private void AssertCachedFirstCommit(BaselineCode code)
    {
        Assert.That(code.IsAvailable, Is.True, code.Reason);
        Assert.That(code.Directory, Is.EqualTo(_cachedBuild));
        Assert.That(code.Commit, Is.EqualTo(_first));
        Assert.That(code.Description, Is.EqualTo($"commit {_first[..7]}"));
        Assert.That(_progress, Is.Empty, "found in the cache: nothing built");
    }

    private BaselineCode Resolve(string? baselineRef, BaselineDocument? document, string? assembly = null) =>
        BaselineCodeResolver.Resolve(baselineRef, document, Profile, assembly ?? _assembly, _progress.Add);

    /// <summary>Files named <c>pwned</c> where a command run by a shell would have made them.</summary>
    private string[] Pwned() =>
        new[] { _repo, Path.GetDirectoryName(_assembly)!, Environment.CurrentDirectory }
            .Select(d => Path.Combine(d, "pwned")).Where(File.Exists).ToArray();

    /// <summary>A folder under the fixture's temp folder holding empty files of the given names.</summary>
    private string Folder(string relative, params string[] files)
    {
        var folder = Path.Combine(_top, relative);
        Directory.CreateDirectory(folder);
        foreach (var file in files) File.WriteAllBytes(Path.Combine(folder, file), []);
        return folder;
    }

    private static BaselineDocument Document(params (string Benchmark, int Day, string? Commit)[] recordings) =>
        new(1, new Dictionary<string, ProfileBaselines> { [Profile] = ProfileOf(Profile, recordings) });

    private static ProfileBaselines ProfileOf(string id, params (string Benchmark, int Day, string? Commit)[] recordings) =>
        new(SampleResults.Profile().WithIdOverride(id), recordings
            .GroupBy(r => r.Benchmark)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Recording>)g
                .Select(r => Recording.From(SampleResults.Result(r.Benchmark, at: SampleResults.Start.AddDays(r.Day)), r.Commit))
                .ToArray()));

    private void Commit(string content, string message)
    {
        File.WriteAllText(Path.Combine(_repo, "a.txt"), content);
        GitOk(_repo, "add", "a.txt");
        GitOk(_repo, "-c", "user.name=Perf Tests", "-c", "user.email=perf@example.invalid", "-c", "commit.gpgsign=false",
            "commit", "-q", "--no-verify", "-m", message);
    }

    private static string GitOk(string folder, params string[] arguments)
    {
        var result = Git.Run(folder, arguments);
        Assert.That(result.Succeeded, Is.True, $"git {string.Join(' ', arguments)}: {result.Error}");
        return result.Output;
    }
}
