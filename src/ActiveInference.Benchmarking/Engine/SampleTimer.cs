namespace ActiveInference.Benchmarking.Engine;

/// <summary>The one timing primitive of both engines: one batch of calls timed on a clock, with the bytes it allocated on this thread.</summary>
internal static class SampleTimer
{
    /// <summary>Runs <paramref name="action"/>(<paramref name="operations"/>) between two clock readings; returns its ns and allocated bytes.</summary>
    public static (double Nanoseconds, long AllocatedBytes) Time(IClock clock, Action<long> action, long operations)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var t0 = clock.Timestamp();
        action(operations);
        var t1 = clock.Timestamp();
        return ((t1 - t0) * 1e9 / clock.Frequency, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }
}
