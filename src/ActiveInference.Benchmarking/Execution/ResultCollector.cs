using System.Collections.Concurrent;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>The run's measured results, collected as benchmarks finish (any thread), and the once-only end of the run.</summary>
internal sealed class ResultCollector
{
    private readonly ConcurrentQueue<BenchmarkResult> _results = new();
    private int _completed;

    /// <summary>The results so far, in the order collected.</summary>
    public IReadOnlyCollection<BenchmarkResult> Results => _results.ToArray();

    /// <summary>Adds one benchmark's result.</summary>
    public void Collect(BenchmarkResult result) => _results.Enqueue(result);

    /// <summary>True the first time it is called, false after: the run's reports are written once.</summary>
    public bool CompleteOnce() => Interlocked.Exchange(ref _completed, 1) == 0;
}
