using System.Runtime.CompilerServices;
using System.Text;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

/// <summary>
/// Compares output with a file under <c>Reporting/Golden/</c> in the source tree. Set <c>UPDATE_GOLDEN=1</c> to
/// rewrite the files from the current output (then review the diff before committing).
/// </summary>
internal static class GoldenFile
{
    public static string PathOf(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Golden", name);

    public static void Verify(string name, string actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            Assert.Warn($"Golden file {name} rewritten.");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"Golden file missing: {path} (run with UPDATE_GOLDEN=1 to create it)");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        Assert.That(actual, Is.EqualTo(expected), $"Output differs from {name}; if the change is intended, run with UPDATE_GOLDEN=1 and review the diff.");
    }
}
