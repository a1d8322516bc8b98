using System.Diagnostics;
using System.Text.Json;
using ActiveInference.Benchmarking.IO;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.IO;

/// <summary>The launcher's protocol and error paths, on a fake process runner that plays the child.</summary>
public class ChildLauncherTests
{
    private static readonly JsonSerializerOptions Json = new();
    private static readonly ChildCommand Command = new("/perf/Perf.dll", "--perf-test", "/perf", "the test child process")
    {
        RuntimeConfig = "/baseline/Perf.runtimeconfig.json",
        Environment = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" },
    };

    [Test]
    public void TheChildGetsTheRequestFileAndItsResultIsRead()
    {
        ProcessStartInfo? started = null;
        var launcher = new ChildLauncher((start, _) =>
        {
            started = start;
            var request = JsonSerializer.Deserialize<Message>(File.ReadAllText(start.ArgumentList[^3]), Json)!;
            File.WriteAllText(start.ArgumentList[^1], JsonSerializer.Serialize(new Message(request.Text + " measured"), Json));
            return new ChildExit(0, "", TimedOut: false);
        });

        var (result, error) = launcher.Run<Message, Message>(Command, new Message("Sum(100)"), Json, TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(result, Is.EqualTo(new Message("Sum(100) measured")));
            Assert.That(started!.ArgumentList.Take(5), Is.EqualTo(new[] { "exec", "--runtimeconfig", "/baseline/Perf.runtimeconfig.json", "/perf/Perf.dll", "--perf-test" }));
            Assert.That(started.ArgumentList[^2], Is.EqualTo("--output"));
            Assert.That(started.Environment["DOTNET_TieredCompilation"], Is.EqualTo("0"));
            Assert.That(started.WorkingDirectory, Is.EqualTo("/perf"));
        });
    }

    [Test]
    public void AChildThatExitsNonZeroGivesItsExitCodeAndOutput()
    {
        var (result, error) = Launch((_, _) => new ChildExit(134, "  Unhandled exception. System.InvalidOperationException: boom\n", TimedOut: false));

        Assert.That(result, Is.Null);
        Assert.That(error, Is.EqualTo("the test child process exited with 134: Unhandled exception. System.InvalidOperationException: boom"));
    }

    [Test]
    public void AChildThatWritesNoResultSaysSo()
    {
        var (result, error) = Launch((_, _) => new ChildExit(0, "measuring", TimedOut: false));

        Assert.That(result, Is.Null);
        Assert.That(error, Is.EqualTo("the test child process exited with 0 but wrote no result: measuring"));
    }

    [Test]
    public void AChildThatWritesGarbageSaysSoInsteadOfThrowing()
    {
        var (result, error) = Launch((start, _) =>
        {
            File.WriteAllText(start.ArgumentList[^1], "{ not json");
            return new ChildExit(0, "", TimedOut: false);
        });

        Assert.That(result, Is.Null);
        Assert.That(error, Does.StartWith("the test child process wrote a result that is not one: "));
    }

    [Test]
    public void AChildThatTimesOutSaysAfterHowLong()
    {
        var (result, error) = Launch((_, timeout) => new ChildExit(-1, "", TimedOut: true), TimeSpan.FromSeconds(90));

        Assert.That(result, Is.Null);
        Assert.That(error, Is.EqualTo("the test child process timed out after 90 s"));
    }

    [Test]
    public void AChildThatCannotStartSaysWhy()
    {
        var (result, error) = Launch((_, _) => throw new System.ComponentModel.Win32Exception(2, "No such file or directory"));

        Assert.That(result, Is.Null);
        Assert.That(error, Is.EqualTo("the test child process failed: No such file or directory"));
    }

    [Test]
    public void TheRequestAndResultFilesAreRemovedAfterwards()
    {
        string? folder = null;
        Launch((start, _) =>
        {
            folder = Path.GetDirectoryName(start.ArgumentList[^1]);
            File.WriteAllText(start.ArgumentList[^1], JsonSerializer.Serialize(new Message("x"), Json));
            return new ChildExit(0, "", TimedOut: false);
        });

        Assert.That(Directory.Exists(folder), Is.False);
    }

    [Test]
    public void ServeWritesTheWorksResultForTheRequest()
    {
        var folder = Directory.CreateTempSubdirectory("perf-serve-").FullName;
        try
        {
            var request = Path.Combine(folder, "request.json");
            var output = Path.Combine(folder, "result.json");
            File.WriteAllText(request, JsonSerializer.Serialize(new Message("Sum(100)"), Json));

            var code = ChildLauncher.Serve<Message, Message>(request, output, Json, _ => 0, m => new Message(m.Text.ToUpperInvariant()));

            Assert.That(code, Is.Zero);
            Assert.That(JsonSerializer.Deserialize<Message>(File.ReadAllText(output), Json), Is.EqualTo(new Message("SUM(100)")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void ServeOfAnUnreadableRequestExitsWithTwoAndWritesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("perf-serve-").FullName;
        try
        {
            var request = Path.Combine(folder, "request.json");
            var output = Path.Combine(folder, "result.json");
            File.WriteAllText(request, "{ not json");

            var code = ChildLauncher.Serve<Message, Message>(request, output, Json, _ => 0, m => m);

            Assert.That(code, Is.EqualTo(2));
            Assert.That(File.Exists(output), Is.False);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (Message? Result, string? Error) Launch(Func<ProcessStartInfo, TimeSpan, ChildExit> runProcess, TimeSpan? timeout = null) =>
        new ChildLauncher(runProcess).Run<Message, Message>(Command, new Message("Sum(100)"), Json, timeout ?? TimeSpan.FromMinutes(1));

    internal sealed record Message(string Text);
}
