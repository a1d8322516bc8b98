using ActiveInference.Benchmarking.Pairing;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>What a paired process could have measured, built from known per-copy times so the comparison's numbers are known exactly.</summary>
internal static class SyntheticSamples
{
    /// <summary>
    /// Copies whose every round takes the given raw ns/op (overhead included), the empty loop
    /// <paramref name="overhead"/> ns/op in every round, and no allocations.
    /// </summary>
    public static PairedSamples Of(double[] baseline, double[] current, int rounds = 20, double overhead = 0) =>
        Of([.. baseline.Select((t, i) => Copy(Side.Baseline, i, Enumerable.Repeat(t, rounds).ToArray())),
            .. current.Select((t, i) => Copy(Side.Current, i, Enumerable.Repeat(t, rounds).ToArray()))],
            Enumerable.Repeat(overhead, rounds).ToArray());

    public static PairedSamples Of(CopySamples[] copies, double[] overhead) =>
        new(1000, overhead, copies, WarmupRounds: 5, WarmupSeconds: 0.1, MeasurementSeconds: 1.0);

    public static CopySamples Copy(Side side, int index, double[] nanoseconds, double bytes = 0) =>
        new(side, index, nanoseconds, nanoseconds.Select(_ => bytes).ToArray(), 0);
}
