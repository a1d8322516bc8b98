using ActiveInference.Benchmarking.IO;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.IO;

public class AtomicFileTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "ai-perf-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public void CreatesTheDirectoryAndReplacesAnExistingFile()
    {
        var path = Path.Combine(_directory, "sub", "a.txt");
        AtomicFile.WriteText(path, w => w.Write("old"));
        AtomicFile.WriteText(path, w => w.Write("new µ"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("new µ"));
        Assert.That(File.ReadAllBytes(path)[0], Is.EqualTo((byte)'n'), "no byte-order mark");
    }

    [Test]
    public void AFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_directory, "a.txt");
        AtomicFile.WriteText(path, w => w.Write("old"));

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write("half");
            throw new InvalidOperationException("boom");
        }));

        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(_directory), Is.EqualTo(new[] { path }));
    }
}
