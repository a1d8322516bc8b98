using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Writes one chart per benchmark, each atomically; failures are raised together at the end.</summary>
internal static class ChartSet
{
    public static IReadOnlyList<string> Write(
        string directory, string kind, ChartFormat format, IEnumerable<GatedResult> results, Func<GatedResult, byte[]?> render)
    {
        var files = new List<string>();
        var errors = new List<Exception>();
        foreach (var result in results)
        {
            try
            {
                if (render(result) is { } bytes)
                {
                    var path = Path.GetFullPath(Path.Combine(directory, ChartFileName.For(kind, result.Measured.FullName, format)));
                    AtomicFile.WriteBytes(path, bytes);
                    files.Add(path);
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                errors.Add(new InvalidOperationException($"{kind} chart of '{result.Measured.FullName}': {error.Message}", error));
            }
        }

        if (errors.Count > 0)
        {
            throw new AggregateException($"{errors.Count} {kind} chart(s) failed ({files.Count} written): {string.Join(" | ", errors.Select(e => e.Message))}", errors);
        }

        return files;
    }
}
