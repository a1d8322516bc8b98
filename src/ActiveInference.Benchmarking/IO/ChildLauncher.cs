using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace ActiveInference.Benchmarking.IO;

/// <summary>
/// The one way the gate starts a child process, and the child's side of it: the request is written to a file, the child
/// writes its result to another, both JSON; whatever goes wrong comes back as a message naming the child.
/// </summary>
/// <param name="runProcess">Starts the process and waits for it at most the timeout (killing it then); default: a real process.</param>
internal sealed class ChildLauncher(Func<ProcessStartInfo, TimeSpan, ChildExit>? runProcess = null)
{
    /// <summary>The child's error output kept in a message, in characters (the end of it: the exception comes last).</summary>
    private const int OutputTail = 2000;

    private readonly Func<ProcessStartInfo, TimeSpan, ChildExit> _runProcess = runProcess ?? RunProcess;

    /// <summary>The launcher that starts real processes.</summary>
    public static ChildLauncher Default { get; } = new();

    /// <summary>Runs <paramref name="request"/> in the child <paramref name="command"/> describes: its result, or why there is none.</summary>
    public (TResult? Result, string? Error) Run<TRequest, TResult>(ChildCommand command, TRequest request, JsonSerializerOptions json, TimeSpan timeout)
        where TResult : class
    {
        var name = command.Description;
        string folder;
        try { folder = Directory.CreateTempSubdirectory("perf-child-").FullName; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return (null, $"no temporary folder for {name}: {e.Message}"); }
        var requestPath = Path.Combine(folder, "request.json");
        var outputPath = Path.Combine(folder, "result.json");
        try
        {
            AtomicFile.WriteText(requestPath, w => w.Write(JsonSerializer.Serialize(request, json)));
            var exit = _runProcess(StartInfo(command, requestPath, outputPath), timeout);
            if (exit.TimedOut) return (null, $"{name} timed out after {timeout.TotalSeconds:0} s");
            if (exit.ExitCode != 0) return (null, $"{name} exited with {exit.ExitCode}: {Tail(exit.Output)}");
            if (!File.Exists(outputPath)) return (null, $"{name} exited with 0 but wrote no result: {Tail(exit.Output)}");
            var result = JsonSerializer.Deserialize<TResult>(File.ReadAllText(outputPath), json);
            return result is null ? (null, $"{name} wrote no result") : (result, null);
        }
        catch (JsonException e)
        {
            return (null, $"{name} wrote a result that is not one: {e.Message}");
        }
        catch (Exception e) when (e is IOException or Win32Exception or InvalidOperationException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, $"{name} failed: {e.Message}");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// The child's side: reads the request, ends itself (exit code 3) once the process of <paramref name="parentOf"/>
    /// is gone, does the work and writes its result; 0 when written, 2 when the request cannot be read.
    /// </summary>
    public static int Serve<TRequest, TResult>(string requestPath, string outputPath, JsonSerializerOptions json, Func<TRequest, int> parentOf,
        Func<TRequest, TResult> work)
    {
        TRequest? request;
        try { request = JsonSerializer.Deserialize<TRequest>(File.ReadAllText(requestPath), json); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            Console.Error.WriteLine($"{requestPath}: cannot read the request: {e.Message}");
            return 2;
        }
        if (request is null)
        {
            Console.Error.WriteLine($"{requestPath}: no request");
            return 2;
        }
        if (parentOf(request) is > 0 and var parent) WatchParent(parent);
        var result = work(request);
        AtomicFile.WriteText(outputPath, w => w.Write(JsonSerializer.Serialize(result, json)));
        return 0;
    }

    private static ProcessStartInfo StartInfo(ChildCommand command, string requestPath, string outputPath)
    {
        var start = new ProcessStartInfo(DotnetHost.Path())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory,
        };
        if (command.RuntimeConfig is { } runtimeConfig)
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }
        start.ArgumentList.Add(command.Assembly);
        start.ArgumentList.Add(command.Kind);
        start.ArgumentList.Add(requestPath);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add(outputPath);
        foreach (var (variable, value) in command.Environment) start.Environment[variable] = value;
        return start;
    }

    private static ChildExit RunProcess(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ChildExit(-1, "", TimedOut: true);
        }
        return new ChildExit(process.ExitCode, stderr.Result + stdout.Result, TimedOut: false);
    }

    /// <summary>Ends this process (exit code 3) once the parent is gone, checked every second on a background thread.</summary>
    private static void WatchParent(int parentId)
    {
        Process parent;
        try { parent = Process.GetProcessById(parentId); }
        catch (ArgumentException) { Environment.Exit(3); return; }
        new Thread(() =>
        {
            while (!parent.WaitForExit(1000)) { }
            Environment.Exit(3);
        })
        { IsBackground = true, Name = "parent watch" }.Start();
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= OutputTail ? trimmed : "…" + trimmed[^OutputTail..];
    }
}
