using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests;

/// <summary>
/// Base of fixtures that write files: each test gets <see cref="Folder"/>, a path under the temporary folder that no
/// other test uses and that does not exist yet (so a test can see its code create it); it is removed after the test.
/// </summary>
public abstract class TemporaryFolderTest
{
    /// <summary>This test's folder: full path, not created.</summary>
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void ChooseTemporaryFolder() => Folder = Path.Combine(Path.GetTempPath(), "ai-perf-" + GetType().Name + "-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteTemporaryFolder()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
