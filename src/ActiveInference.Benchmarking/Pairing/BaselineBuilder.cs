using System.Diagnostics;
using System.Text;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// Builds a commit's version of one perf test project once and caches it in <c>&lt;project&gt;/obj/perf-baseline/&lt;commit&gt;</c>
/// (git worktree, Release build, <c>bin</c> only on success); a lock file per commit lets two runs share it. What killed
/// builds left behind is removed first (<see cref="BaselineCacheCleanup"/>), here and in other commits' free folders.
/// </summary>
internal sealed class BaselineBuilder(string cacheRoot, Action<string> progress)
{
    private const string ReadyMarker = "ready";

    /// <summary>How long a run waits for another run's build of the same commit.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one build may take.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The build of <paramref name="projectPath"/> at <paramref name="commit"/>, from the cache or built now; on failure, why.</summary>
    public BaselineCode Build(string repositoryRoot, string commit, string projectPath, string entryAssembly)
    {
        var description = $"commit {Git.Short(commit)}";
        var folder = Path.Combine(cacheRoot, commit);
        var output = Path.Combine(folder, "bin");
        var log = Path.Combine(folder, "build.log");
        var ready = Path.Combine(folder, ReadyMarker);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return BaselineCode.None($"cannot create the baseline cache {folder}: {e.Message}", commit: commit);
        }
        var (held, problem) = FileLock.Acquire(folder, LockTimeout);
        if (held is null) return BaselineCode.None($"the baseline build cache is busy: {problem}", commit: commit);
        using (held)
        {
            var stale = BaselineCacheCleanup.RemoveStale(repositoryRoot, folder)
                .Concat(BaselineCacheCleanup.RemoveStaleInOthers(repositoryRoot, cacheRoot, folder)).ToArray();
            if (stale.Length > 0)
                progress($"perf: removed {stale.Length} partial baseline build folder(s) left by interrupted builds: {string.Join(", ", stale)}");
            if (File.Exists(ready) && File.Exists(Path.Combine(output, entryAssembly)))
                return BaselineCode.At(output, commit, description);

            progress($"perf: building the baseline ({description}) for paired measurement, once for this commit; log: {log}");
            var started = Stopwatch.StartNew();
            var source = Path.Combine(folder, BaselineCacheCleanup.SourceFolder);
            var fresh = Path.Combine(folder, BaselineCacheCleanup.PartialOutputPrefix + Guid.NewGuid().ToString("N"));
            try
            {
                var checkout = Git.Run(repositoryRoot, "-c", "core.hooksPath=" + NoHooks(folder), "worktree", "add", "--detach", "--force", source, commit);
                if (!checkout.Succeeded)
                    return BaselineCode.Unbuildable($"could not check out the baseline {description}: {checkout.Error}", commit);
                var project = Path.Combine(source, projectPath);
                if (!File.Exists(project))
                    return BaselineCode.Unbuildable($"the baseline {description} has no {projectPath.Replace('\\', '/')}", commit);
                var (exitCode, text) = DotnetBuild(project, fresh);
                AtomicFile.WriteText(log, w => w.Write(text));
                if (exitCode != 0)
                    return BaselineCode.Unbuildable($"the baseline {description} does not build (exit code {exitCode}); see {log}", commit);
                if (!File.Exists(Path.Combine(fresh, entryAssembly)))
                    return BaselineCode.Unbuildable($"the baseline {description} built no {entryAssembly}; see {log}", commit);
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                Directory.Move(fresh, output);
                AtomicFile.WriteText(ready, w => w.Write(commit));
                progress($"perf: baseline {description} built in {started.Elapsed.TotalSeconds:0} s");
                return BaselineCode.At(output, commit, description);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                return BaselineCode.Unbuildable($"could not build the baseline {description}: {e.Message}", commit);
            }
            finally
            {
                BaselineCacheCleanup.TryDelete(fresh);
                BaselineCacheCleanup.RemoveWorktree(repositoryRoot, source);
            }
        }
    }

    /// <summary>An empty hooks folder: the worktree checkout runs none of the user's hooks.</summary>
    private static string NoHooks(string folder)
    {
        var hooks = Path.Combine(folder, "no-hooks");
        Directory.CreateDirectory(hooks);
        return hooks;
    }

    private (int ExitCode, string Log) DotnetBuild(string project, string output)
    {
        var start = new ProcessStartInfo(DotnetHost.Path())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[] { "build", project, "-c", "Release", "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false", "--nologo" })
            start.ArgumentList.Add(argument);
        // The test host's MSBuild variables point into the SDK run that started it; a nested build must find its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        var text = new StringBuilder().AppendLine($"dotnet {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new IOException("dotnet could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, text.AppendLine($"timed out after {BuildTimeout.TotalMinutes:0} min").Append(stdout.Result).Append(stderr.Result).ToString());
        }
        return (process.ExitCode, text.Append(stdout.Result).Append(stderr.Result).ToString());
    }
}
