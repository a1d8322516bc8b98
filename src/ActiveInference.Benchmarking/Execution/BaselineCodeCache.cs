using System.Collections.Concurrent;
using ActiveInference.Benchmarking.Pairing;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>The baseline's code per perf assembly, decided once per run; a throwing resolver becomes an unbuildable baseline.</summary>
/// <param name="resolve">Finds (or builds) the baseline's code for a perf assembly path.</param>
internal sealed class BaselineCodeCache(Func<string, BaselineCode> resolve)
{
    private readonly ConcurrentDictionary<string, Lazy<BaselineCode>> _code = new(StringComparer.Ordinal);

    /// <summary>The baseline's code for the perf assembly at <paramref name="assemblyPath"/>.</summary>
    public BaselineCode For(string assemblyPath) =>
        _code.GetOrAdd(assemblyPath, path => new Lazy<BaselineCode>(() => Resolve(path))).Value;

    private BaselineCode Resolve(string assemblyPath)
    {
        try
        {
            return resolve(assemblyPath);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return BaselineCode.Unbuildable($"the baseline's code could not be prepared: {e.GetType().Name}: {e.Message}", null);
        }
    }
}
