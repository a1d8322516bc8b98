using System.Collections.Concurrent;
using ActiveInference.Benchmarking.Pairing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>
/// A baseline's and a current build of a small perf test project, compiled from C# source with Roslyn into two
/// temporary folders: <c>Bench.Core.dll</c> (the code under test), <c>Bench.PerfTests.dll</c> (the benchmarks, referencing
/// it, NUnit and this framework), with the deps.json and runtimeconfig.json a build writes. Each side's compilation is
/// non-deterministic and stamped with its own informational version and source paths, as two real builds in two folders differ.
/// </summary>
internal sealed class CompiledBuilds : IDisposable
{
    /// <summary>The perf test assembly's file name.</summary>
    public const string Entry = "Bench.PerfTests.dll";

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll")
            .Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(NUnit.Framework.TestAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(PerfBenchmarkAttribute).Assembly.Location),
    ]);

    // Emitted images by (assembly, side's stamp, source, Bench.Core's source or data): most tests change one assembly of one side.
    private static readonly ConcurrentDictionary<(string, string, string, string), byte[]> s_images = new();

    private CompiledBuilds(string baseline, string current)
    {
        Baseline = baseline;
        Current = current;
    }

    /// <summary>The baseline's build folder.</summary>
    public string Baseline { get; }

    /// <summary>The current build folder.</summary>
    public string Current { get; }

    /// <summary>
    /// Compiles both sides; a null current source is the baseline's. Bench.Core embeds the resource <c>data.txt</c> with
    /// the text <paramref name="baselineData"/> (<paramref name="currentData"/>, if given, in the current build).
    /// </summary>
    public static CompiledBuilds Of(string baselineCore, string baselineBenchmarks, string? currentCore = null, string? currentBenchmarks = null,
        string baselineData = "data", string? currentData = null)
    {
        var builds = new CompiledBuilds(Directory.CreateTempSubdirectory("ai-reachable-baseline-").FullName,
            Directory.CreateTempSubdirectory("ai-reachable-current-").FullName);
        Compile(builds.Baseline, "1111111", baselineCore, baselineBenchmarks, baselineData);
        Compile(builds.Current, "2222222", currentCore ?? baselineCore, currentBenchmarks ?? baselineBenchmarks, currentData ?? baselineData);
        return builds;
    }

    /// <summary>Opens the two builds and compares one benchmark.</summary>
    public CodeChange Compare(string fixture, string method, string? setup = null, string? sampleSetup = null)
    {
        using var code = ReachableCode.Open(Baseline, Current, Entry);
        return code.Compare(fixture, method, setup, sampleSetup);
    }

    /// <summary>Deletes both folders.</summary>
    public void Dispose()
    {
        Directory.Delete(Baseline, recursive: true);
        Directory.Delete(Current, recursive: true);
    }

    private static void Compile(string folder, string commit, string core, string benchmarks, string data)
    {
        var coreImage = s_images.GetOrAdd(("Bench.Core", commit, core, data), _ => Emit("Bench.Core", commit, core, [], data));
        var benchmarksImage = s_images.GetOrAdd(("Bench.PerfTests", commit, benchmarks, core),
            _ => Emit("Bench.PerfTests", commit, benchmarks, [MetadataReference.CreateFromImage(coreImage)], data: null));
        File.WriteAllBytes(Path.Combine(folder, "Bench.Core.dll"), coreImage);
        File.WriteAllBytes(Path.Combine(folder, "Bench.PerfTests.dll"), benchmarksImage);
        File.WriteAllText(Path.Combine(folder, "Bench.PerfTests.deps.json"), """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0", "signature": "" },
              "targets": { ".NETCoreApp,Version=v10.0": {} },
              "libraries": {
                "Bench.PerfTests/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
                "Bench.Core/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
                "ActiveInference.Benchmarking/0.1.0": { "type": "project", "serviceable": false, "sha512": "" },
                "NUnit/5.0.0": { "type": "package", "serviceable": true, "sha512": "", "path": "nunit/5.0.0" }
              }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Bench.PerfTests.runtimeconfig.json"),
            """{ "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "10.0.0" } } }""");
    }

    private static byte[] Emit(string name, string commit, string source, MetadataReference[] references, string? data)
    {
        var stamp = $"[assembly: System.Reflection.AssemblyInformationalVersion(\"1.0.0+{commit}\")]";
        var trees = new[] { source, stamp }.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/src/{commit}/{name}.{i}.cs"));
        var compilation = CSharpCompilation.Create(name, trees, [.. s_references.Value, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable, deterministic: false));
        using var image = new MemoryStream();
        var resources = data is null ? null : new[] { new ResourceDescription("data.txt", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)), isPublic: true) };
        var result = compilation.Emit(image, manifestResources: resources);
        if (!result.Success)
            throw new InvalidOperationException($"{name} does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return image.ToArray();
    }
}
