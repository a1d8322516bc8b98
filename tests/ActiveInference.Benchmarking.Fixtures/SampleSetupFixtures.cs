using ActiveInference.Benchmarking;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>
/// A benchmark that consumes its state, with a per-sample setup that refills it: it throws when a sample finds the
/// state already used, so it passes only when the setup ran before every sample. Records a custom metric.
/// </summary>
public class SampleSetupFixtures
{
    private readonly Stack<int> _items = new();

    /// <summary>Refills the stack (untimed, before every sample).</summary>
    public void Refill()
    {
        _items.Clear();
        for (var i = 0; i < 100; i++) _items.Push(i);
    }

    /// <summary>Drains the stack; one call per sample.</summary>
    [PerfBenchmark(Iterations = 5, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 20, MinMeasurementTimeMilliseconds = 20, OperationsPerSample = 1, SampleSetup = nameof(Refill))]
    public int Drain()
    {
        if (_items.Count != 100) throw new InvalidOperationException($"stale state: {_items.Count} items instead of 100");
        var sum = 0;
        while (_items.Count > 0) sum += _items.Pop();
        PerfMetrics.Record("drained", sum);
        return sum;
    }
}
