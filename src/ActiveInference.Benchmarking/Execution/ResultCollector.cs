using System.Collections.Concurrent;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>The run's measured results, collected as benchmarks finish (any thread), and the once-only end of the run.</summary>
internal sealed class ResultCollector
{
    private readonly ConcurrentQueue<GatedResult> _results = new();
    private int _completed;

    /// <summary>The results so far, in the order collected.</summary>
    public IReadOnlyCollection<GatedResult> Results => _results.ToArray();

    /// <summary>Adds one benchmark's result, with the gate's verdict on it.</summary>
    public void Collect(GatedResult result) => _results.Enqueue(result);

    /// <summary>True the first time it is called, false after: the run's reports are written once.</summary>
    public bool CompleteOnce() => Interlocked.Exchange(ref _completed, 1) == 0;
}
