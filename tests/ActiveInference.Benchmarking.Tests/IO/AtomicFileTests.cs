using ActiveInference.Benchmarking.IO;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.IO;

public class AtomicFileTests : TemporaryFolderTest
{
    [Test]
    public void CreatesTheDirectoryAndReplacesAnExistingFile()
    {
        var path = Path.Combine(Folder, "sub", "a.txt");
        AtomicFile.WriteText(path, w => w.Write("old"));
        AtomicFile.WriteText(path, w => w.Write("new µ"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("new µ"));
        Assert.That(File.ReadAllBytes(path)[0], Is.EqualTo((byte)'n'), "no byte-order mark");
    }

    [Test]
    public void AFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(Folder, "a.txt");
        AtomicFile.WriteText(path, w => w.Write("old"));

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write("half");
            throw new InvalidOperationException("boom");
        }));

        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(Folder), Is.EqualTo(new[] { path }));
    }
}
