using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.History;

/// <summary>
/// The history as text: one <see cref="AnchoredRun"/> file per main-branch run in a folder any git branch can carry,
/// anchor links under <c>anchors/</c>. Files are written atomically and never overwritten, so runs never collide.
/// </summary>
internal sealed class HistoryFolder
{
    /// <summary>The sub-folder of anchor links.</summary>
    public const string AnchorsFolder = "anchors";

    /// <summary>Uses the folder at <paramref name="path"/>; nothing is touched until the first call.</summary>
    public HistoryFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    /// <summary>
    /// The file name of a run: <c>&lt;yyyyMMddTHHmmss&gt;-&lt;commit7&gt;-&lt;profile hash&gt;-&lt;random&gt;.json</c>, so names sort
    /// by date and two runs (same commit, same second, same machine) never collide.
    /// </summary>
    public static string FileName(AnchoredRun run, string random)
    {
        ArgumentNullException.ThrowIfNull(run);
        var commit = run.Commit.Length > 7 ? run.Commit[..7] : run.Commit;
        var profile = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.MachineProfileId)))[..8];
        return $"{run.Date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{commit}-{profile}-{random}.json";
    }

    /// <summary>Adds <paramref name="run"/> as a new file; returns its full path.</summary>
    public string Add(AnchoredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = AnchoredRunJson.Write(run);
        for (var attempt = 0; ; attempt++)
        {
            var path = System.IO.Path.Combine(Path, FileName(run, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))));
            if (File.Exists(path) && attempt < 10)
                continue;
            AtomicFile.WriteText(path, writer => writer.Write(text));
            return path;
        }
    }

    /// <summary>
    /// Stores <paramref name="link"/> (a run of the new anchor against the old one) as <c>anchors/&lt;new&gt;-&lt;old&gt;.json</c>,
    /// replacing an earlier measurement of the same link; returns its full path.
    /// </summary>
    public string AddLink(AnchoredRun link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Commit == link.AnchorCommit)
            throw new ArgumentException($"an anchor link joins two commits; this one measured {link.Commit} against itself", nameof(link));
        var path = System.IO.Path.Combine(Path, AnchorsFolder, $"{link.Commit}-{link.AnchorCommit}.json");
        AtomicFile.WriteText(path, writer => writer.Write(AnchoredRunJson.Write(link)));
        return path;
    }

    /// <summary>
    /// Deletes the run files <paramref name="files"/> (relative to the folder, as <see cref="StoredRun.File"/>); a file
    /// already gone (another pruner) is not an error. Returns how many were deleted.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a run file of this folder (an anchor link, or outside it); nothing is deleted then.</exception>
    public int Remove(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var folder = System.IO.Path.TrimEndingDirectorySeparator(Path);
        var paths = files.Select(file => (File: file, Full: System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, file)))).ToArray();
        foreach (var (file, full) in paths)
        {
            if (System.IO.Path.GetDirectoryName(full) != folder || !full.EndsWith(".json", StringComparison.Ordinal))
                throw new ArgumentException($"{file} is not a run file of {Path}", nameof(files));
        }

        var removed = 0;
        foreach (var (_, full) in paths)
        {
            if (!File.Exists(full))
                continue;
            File.Delete(full);
            removed++;
        }

        return removed;
    }

    /// <summary>Reads every run and link; a file that cannot be read is skipped and named in the problems.</summary>
    /// <exception cref="HistoryFileException">The folder does not exist.</exception>
    public HistoryFolderContents Read()
    {
        if (!Directory.Exists(Path))
            throw new HistoryFileException(Path, "no history folder here: a gate run on the history branch with historyFolder (PERF_HISTORY_FOLDER) set creates it; on CI, check out the perf-history branch into it first");
        var problems = new List<string>();
        var runs = ReadAll(Path, problems);
        var anchors = System.IO.Path.Combine(Path, AnchorsFolder);
        var links = Directory.Exists(anchors) ? ReadAll(anchors, problems) : [];
        return new HistoryFolderContents(runs, links, problems);
    }

    private List<StoredRun> ReadAll(string folder, List<string> problems)
    {
        var runs = new List<StoredRun>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/');
            try
            {
                runs.Add(new StoredRun(relative, AnchoredRunJson.Parse(File.ReadAllText(file), file)));
            }
            catch (HistoryFileException error)
            {
                problems.Add($"{error.Message} (skipped)");
            }
            catch (IOException error)
            {
                problems.Add($"{file}: cannot be read: {error.Message} (skipped)");
            }
        }

        return runs.OrderBy(r => r.Run.Date).ThenBy(r => r.File, StringComparer.Ordinal).ToList();
    }
}
