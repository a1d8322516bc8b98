namespace ActiveInference.Benchmarking.Engine;

/// <summary>One timed sample: <see cref="Operations"/> calls of the benchmark run back to back; per-operation values are derived.</summary>
/// <param name="Stage">The engine stage that took it.</param>
/// <param name="Index">Its position within that stage, from 0.</param>
/// <param name="Operations">How many calls of the benchmark the sample timed.</param>
/// <param name="Nanoseconds">Wall time of the whole sample in nanoseconds, overhead already subtracted in the measurement stage.</param>
/// <param name="AllocatedBytes">Managed bytes allocated on the measuring thread during the sample.</param>
/// <param name="Gc">Collections that happened during the sample.</param>
/// <param name="ReferenceNanosecondsPerOperation">ns/op of the reference workload timed right after this sample, or NaN when none ran.</param>
internal readonly record struct Measurement(
    IterationStage Stage,
    int Index,
    long Operations,
    double Nanoseconds,
    long AllocatedBytes,
    GcCounts Gc,
    double ReferenceNanosecondsPerOperation = double.NaN)
{
    /// <summary>Nanoseconds per call of the benchmark.</summary>
    public double NanosecondsPerOperation => Nanoseconds / Operations;

    /// <summary>Managed bytes allocated per call of the benchmark.</summary>
    public double AllocatedBytesPerOperation => (double)AllocatedBytes / Operations;
}
