namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The in-process engine's stopping rule: at least <paramref name="minimumSamples"/> samples and
/// <paramref name="minimumNanoseconds"/>, never more than <paramref name="maximumSamples"/>, cut at <paramref name="limitNanoseconds"/>.
/// </summary>
/// <param name="minimumSamples">Samples asked for (the benchmark's Iterations).</param>
/// <param name="maximumSamples">Samples at most, whatever the time allows.</param>
/// <param name="minimumNanoseconds">The stage runs at least this long, ns, so short benchmarks get enough samples.</param>
/// <param name="limitNanoseconds">The stage's time limit, ns: it stops here even short of the samples asked for.</param>
internal sealed class SamplesAndTimeRule(int minimumSamples, int maximumSamples, double minimumNanoseconds, double limitNanoseconds) : IStoppingRule
{
    /// <inheritdoc/>
    public bool ShouldStop(int samples, double elapsedNanoseconds) =>
        samples >= maximumSamples || (samples >= minimumSamples && elapsedNanoseconds >= minimumNanoseconds) || elapsedNanoseconds >= limitNanoseconds;

    /// <inheritdoc/>
    public bool StoppedShort(int samples) => samples < minimumSamples;
}
