namespace SkipUnchangedReplay;

/// <summary>The harness's command line: the repository, the folder of per-commit builds and the commits, oldest first.</summary>
internal sealed record ReplayOptions
{
    public const string Usage = """
        usage: SkipUnchangedReplay --repository DIR --builds DIR [--entry Foo.PerfTests.dll] [--output FILE] [--title TEXT]
                                   SHA1 SHA2 ...
               the commits oldest first; each consecutive pair (parent -> child) is judged as the gate would,
               from the builds in DIR/<sha> (run.sh makes them)
        """;

    /// <summary>Root of the git repository the commits belong to.</summary>
    public string Repository { get; init; } = "";

    /// <summary>Folder holding one build output folder per commit, named by its full hash.</summary>
    public string Builds { get; init; } = "";

    /// <summary>File name of the perf test assembly in each build.</summary>
    public string Entry { get; init; } = "ActiveInference.Core.PerfTests.dll";

    /// <summary>Where the table is written (atomically), or null for standard output only.</summary>
    public string? Output { get; init; }

    /// <summary>What is replayed, for the report's heading, e.g. <c>main</c>.</summary>
    public string Title { get; init; } = "commits";

    /// <summary>The commits, oldest first.</summary>
    public IReadOnlyList<string> Commits { get; init; } = [];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the argument and the fix.</summary>
    public static ReplayOptions Parse(string[] args)
    {
        var o = new ReplayOptions();
        var commits = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--repository" => o with { Repository = ExistingFolder("--repository", Next()) },
                "--builds" => o with { Builds = ExistingFolder("--builds", Next()) },
                "--entry" => o with { Entry = Next() },
                "--output" => o with { Output = Path.GetFullPath(Next()) },
                "--title" => o with { Title = Next() },
                var a when a.StartsWith('-') => throw new ArgumentException($"unknown argument '{a}'"),
                var sha => Added(o, commits, sha),
            };
        }
        if (o.Repository.Length == 0 || o.Builds.Length == 0) throw new ArgumentException("--repository and --builds are required");
        if (commits.Count < 2) throw new ArgumentException($"{commits.Count} commit(s) given: name at least two, oldest first");
        return o with { Commits = commits };
    }

    private static ReplayOptions Added(ReplayOptions o, List<string> commits, string sha)
    {
        commits.Add(sha);
        return o;
    }

    private static string ExistingFolder(string name, string value) =>
        Directory.Exists(value) ? Path.GetFullPath(value) : throw new ArgumentException($"{name} {value}: no such folder");
}
