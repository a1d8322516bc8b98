using System.Runtime.CompilerServices;
using System.Text;
using NUnit.Framework;
using PublicApiGenerator;

namespace ActiveInference.Benchmarking.Tests.PublicApi;

/// <summary>
/// The package's public API is what benchmark authors use: the attributes, <c>PerfMetrics</c>, the entry point the
/// package compiles into a perf project, and the types a custom assertion sees. Everything else is internal (the
/// command line, the tests and the experiments see it through InternalsVisibleTo). A change to the listing fails here
/// until it is made on purpose: run with <c>UPDATE_PUBLIC_API=1</c> and review the diff of the listing.
/// </summary>
public class PublicApiTests
{
    private static string ListingPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "ActiveInference.Benchmarking.txt");

    [Test]
    public void ThePublicApiIsTheCheckedInListing()
    {
        var actual = typeof(PerfBenchmarkAttribute).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n");
        var path = ListingPath();
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            Assert.Warn($"Public API listing rewritten: {path}");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"Public API listing missing: {path} (run with UPDATE_PUBLIC_API=1 to create it)");
        var expected = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
        Assert.That(actual, Is.EqualTo(expected),
            "The public API changed. If that is intended, run with UPDATE_PUBLIC_API=1 and review the listing's diff.");
    }

    [Test]
    public void OnlyTheTypesAuthorsUseArePublic()
    {
        var types = typeof(PerfBenchmarkAttribute).Assembly.GetExportedTypes();
        Assert.That(types, Has.Length.LessThanOrEqualTo(40), string.Join(", ", types.Select(t => t.Name)));
        Assert.That(types.Select(t => t.Name), Does.Not.Contain("BaselineStore").And.Not.Contain("RecordedGate").And.Not.Contain("PerfSession"));
    }
}
