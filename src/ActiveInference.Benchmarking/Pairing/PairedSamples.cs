namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What one process measured: every copy's samples and the empty loop's cost per round, ns/op before overhead.</summary>
/// <param name="OperationsPerSample">Calls per sample, the same for every copy.</param>
/// <param name="OverheadNanosecondsPerOperation">The empty loop's ns/op, one per measured round.</param>
/// <param name="Copies">Each copy's samples.</param>
/// <param name="WarmupRounds">Rounds run before measuring.</param>
/// <param name="WarmupSeconds">Wall time of the pilot and warm-up.</param>
/// <param name="MeasurementSeconds">Wall time of the measured rounds.</param>
internal sealed record PairedSamples(long OperationsPerSample, double[] OverheadNanosecondsPerOperation, CopySamples[] Copies, int WarmupRounds,
    double WarmupSeconds, double MeasurementSeconds)
{
    /// <summary>Measured rounds.</summary>
    public int Rounds => OverheadNanosecondsPerOperation.Length;
}

/// <summary>One copy's measured samples, one per round.</summary>
/// <param name="Side">Its side.</param>
/// <param name="Index">Its number within the side (copies were created in random order, so the number says nothing of placement).</param>
/// <param name="NanosecondsPerOperation">ns/op per round, overhead not subtracted.</param>
/// <param name="AllocatedBytesPerOperation">Bytes allocated on the measuring thread per call, per round.</param>
/// <param name="Gen0Collections">Gen-0 collections during its samples.</param>
internal sealed record CopySamples(Side Side, int Index, double[] NanosecondsPerOperation, double[] AllocatedBytesPerOperation, int Gen0Collections);
