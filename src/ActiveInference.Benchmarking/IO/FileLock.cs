using System.Diagnostics;

namespace ActiveInference.Benchmarking.IO;

/// <summary>A cross-process exclusive lock: <c>&lt;path&gt;.lock</c> held open with <see cref="FileShare.None"/>; released on dispose.</summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Path of the lock file that guards <paramref name="path"/>.</summary>
    public static string LockPathFor(string path) => path + ".lock";

    /// <summary>Takes the lock for <paramref name="path"/>, retrying until <paramref name="timeout"/>; or null and why.</summary>
    public static (FileLock? Lock, string? Problem) Acquire(string path, TimeSpan timeout)
    {
        var lockPath = LockPathFor(path);
        var clock = Stopwatch.StartNew();
        var attempt = 0;
        while (true)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return (new FileLock(stream), null);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException or PathTooLongException)
            {
                return (null, $"cannot create the lock file {lockPath}: {e.Message}");
            }
            catch (IOException e)
            {
                if (clock.Elapsed >= timeout)
                    return (null, $"another writer held the lock file {lockPath} for more than {timeout.TotalSeconds:0.#} s ({e.Message})");
            }
            // Back off a little more each time, with jitter so waiting writers do not retry in step.
            attempt++;
            Thread.Sleep(Math.Min(100, 5 * attempt) + Random.Shared.Next(5));
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
