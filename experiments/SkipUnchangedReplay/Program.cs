using System.Diagnostics;
using ActiveInference.Benchmarking.IO;
using SkipUnchangedReplay;

ReplayOptions options;
try
{
    options = ReplayOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ReplayOptions.Usage);
    return 2;
}

var started = Stopwatch.StartNew();
var sources = new Dictionary<string, SourceIndex>(StringComparer.Ordinal);
SourceIndex Sources(string commit) => sources.TryGetValue(commit, out var index) ? index : sources[commit] = SourceIndex.At(options.Repository, commit);
var replays = new List<CommitReplay>();
for (var i = 1; i < options.Commits.Count; i++)
{
    var replay = CommitReplay.Run(options.Repository, options.Builds, options.Entry, options.Commits[i - 1], options.Commits[i], Sources);
    Console.Error.WriteLine($"{replay.Commit[..7]}: {(replay.Judgement is { } j ? $"{j.Remeasured.Count}/{j.Changes.Count} re-measured, {replay.Flags.Count} flag(s), {j.Seconds:0.00} s" : replay.Missing)}");
    replays.Add(replay);
}
var header = $"# skipUnchanged replay of {options.Title}: {replays.Count} commits as pull requests ({options.Commits[0][..7]}..{options.Commits[^1][..7]}, first parent), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {started.Elapsed.TotalSeconds:0} s";
var table = ReplayTable.Format(replays, header);
Console.Write(table);
if (options.Output is { } output) AtomicFile.WriteText(output, w => w.Write(table));
return replays.Any(r => r.Flags.Count > 0) ? 1 : 0;
