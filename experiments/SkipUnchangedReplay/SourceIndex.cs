using System.Text.RegularExpressions;
using ActiveInference.Benchmarking.IO;

namespace SkipUnchangedReplay;

/// <summary>
/// The C# sources under <see cref="CodeDiff.CodeFolders"/> at one commit, for the soundness heuristic: which types each
/// file declares and which words it contains. A benchmark plausibly uses its fixture's file, the <c>[SetUpFixture]</c>
/// files, and, transitively, every file declaring a type one of those mentions by name.
/// </summary>
internal sealed partial class SourceIndex
{
    private readonly Dictionary<string, (HashSet<string> Declared, HashSet<string> Words, bool SetUpFixture)> _files;

    private SourceIndex(Dictionary<string, (HashSet<string>, HashSet<string>, bool)> files) => _files = files;

    /// <summary>Reads the sources of <paramref name="commit"/> in <paramref name="repository"/> with git; throws when git fails.</summary>
    public static SourceIndex At(string repository, string commit)
    {
        var listing = Git.Run(repository, (string[])["ls-tree", "-r", "--name-only", commit, "--", .. CodeDiff.CodeFolders]);
        if (!listing.Succeeded) throw new InvalidOperationException($"git ls-tree {commit} failed: {listing.Error}");
        var files = new Dictionary<string, (HashSet<string>, HashSet<string>, bool)>(StringComparer.Ordinal);
        foreach (var path in listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!path.EndsWith(".cs", StringComparison.Ordinal)) continue;
            var show = Git.Run(repository, "show", $"{commit}:{path}");
            if (!show.Succeeded) throw new InvalidOperationException($"git show {commit}:{path} failed: {show.Error}");
            files[path] = Parse(show.Output);
        }
        return new SourceIndex(files);
    }

    /// <summary>The declared types, words and set-up-fixture mark of one C# source text.</summary>
    public static (HashSet<string> Declared, HashSet<string> Words, bool SetUpFixture) Parse(string source) =>
        ([.. Declaration().Matches(source).Select(m => m.Groups[1].Value)],
         [.. Word().Matches(source).Select(m => m.Value)],
         source.Contains("[SetUpFixture]", StringComparison.Ordinal));

    /// <summary>The files a benchmark of the fixture <paramref name="fixtureName"/> (simple name) plausibly executes.</summary>
    public IReadOnlySet<string> PlausiblyUsedBy(string fixtureName)
    {
        var used = _files.Where(f => f.Value.SetUpFixture || (f.Key.StartsWith("perf-tests/", StringComparison.Ordinal) && f.Value.Declared.Contains(fixtureName)))
            .Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var added = true;
        while (added)
        {
            foreach (var file in used) words.UnionWith(_files[file].Words);
            var more = _files.Where(f => !used.Contains(f.Key) && f.Value.Declared.Overlaps(words)).Select(f => f.Key).ToList();
            used.UnionWith(more);
            added = more.Count > 0;
        }
        return used;
    }

    [GeneratedRegex(@"\b(?:class|struct|record|interface|enum)\s+([A-Za-z_]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Word();
}
