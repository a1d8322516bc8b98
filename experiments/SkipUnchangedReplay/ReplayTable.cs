using System.Globalization;
using System.Text;

namespace SkipUnchangedReplay;

/// <summary>The replay's report: one table row per commit, the details (every re-measured benchmark, code files, flags), and a summary.</summary>
internal static class ReplayTable
{
    private const int SubjectWidth = 60;

    /// <summary>The report of <paramref name="replays"/> (oldest first) as Markdown text.</summary>
    public static string Format(IReadOnlyList<CommitReplay> replays, string header)
    {
        var text = new StringBuilder();
        text.AppendLine(header).AppendLine();
        text.AppendLine("| commit | subject | areas changed | code changed (heuristic) | re-measured methods | first re-measured: why | check s | flags |");
        text.AppendLine("|---|---|---|---|---|---|---:|---:|");
        foreach (var r in replays)
        {
            var subject = r.Subject.Length <= SubjectWidth ? r.Subject : r.Subject[..(SubjectWidth - 1)] + "…";
            var code = r.Diff.CodeFiles.Count == 0 ? "none" : string.Join(", ", r.Diff.CodeFiles.Select(Path.GetFileName));
            if (r.Judgement is not { } j)
            {
                text.AppendLine(Invariant($"| {r.Commit[..7]} | {Cell(subject)} | {string.Join(", ", r.Areas)} | {Cell(code)} | – | {Cell(r.Missing!)} | – | – |"));
                continue;
            }
            var remeasured = j.Remeasured;
            var first = remeasured.Count == 0 ? "–" : $"{remeasured[0].Method.Name}: {remeasured[0].Change.Reason}";
            text.AppendLine(Invariant(
                $"| {r.Commit[..7]} | {Cell(subject)} | {string.Join(", ", r.Areas)} | {Cell(code)} | {remeasured.Count}/{j.Changes.Count} | {Cell(Shorten(first, 140))} | {j.Seconds:0.00} | {r.Flags.Count} |"));
        }

        text.AppendLine().AppendLine("## Details").AppendLine();
        foreach (var r in replays.Where(r => r.Judgement is not null))
        {
            text.AppendLine($"{r.Commit[..7]} {r.Subject}");
            var unchanged = r.Judgement!.Changes.Where(c => c.Change.Unchanged).OrderByDescending(c => c.Change.Reason.Length).ToList();
            if (unchanged.Count > 0)
                text.AppendLine($"  Unchanged ({unchanged.Count}), e.g. {unchanged[0].Method.Name}: {unchanged[0].Change.Reason}");
            foreach (var (method, change) in r.Judgement!.Remeasured) text.AppendLine($"  re-measured {method.Name}: {change.Reason}");
            foreach (var flag in r.Flags) text.AppendLine($"  FLAG Unchanged although a plausibly used file changed in code: {flag}");
            text.AppendLine();
        }

        var judged = replays.Where(r => r.Judgement is not null).ToList();
        var none = judged.Count(r => r.Judgement!.Remeasured.Count == 0);
        var quiet = judged.Where(r => r.DocsOrTestsOnly).ToList();
        var seconds = judged.Select(r => r.Judgement!.Seconds).Order().ToList();
        text.AppendLine("## Summary").AppendLine();
        text.AppendLine(Invariant($"- {judged.Count} of {replays.Count} commits judged; {none} re-measure 0 benchmark methods (paired seconds 0: an Unchanged benchmark starts no paired process)."));
        text.AppendLine(Invariant($"- docs/tests/experiments-only commits: {quiet.Count}, re-measuring {quiet.Sum(r => r.Judgement!.Remeasured.Count)} methods in all: {(quiet.Count == 0 ? "none" : string.Join(", ", quiet.Select(r => $"{r.Commit[..7]} ({r.Judgement!.Remeasured.Count})")))}."));
        text.AppendLine(Invariant($"- commits with code changed under {string.Join(" or ", CodeDiff.CodeFolders)} or the build files (heuristic): {judged.Count(r => r.Diff.CodeFiles.Count > 0)}; soundness flags: {judged.Sum(r => r.Flags.Count)}."));
        if (seconds.Count > 0)
            text.AppendLine(Invariant($"- check time per commit (build difference + reachable code of every benchmark): median {seconds[seconds.Count / 2]:0.00} s, max {seconds[^1]:0.00} s."));
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Shorten(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
