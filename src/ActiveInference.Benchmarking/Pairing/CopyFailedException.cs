namespace ActiveInference.Benchmarking.Pairing;

/// <summary>A copy threw while it was being measured; <see cref="Side"/> says whose code it was.</summary>
internal sealed class CopyFailedException(Side side, Exception inner) : Exception($"a copy of the {SideBuild.Describe(side)} threw while being measured: {inner.GetType().Name}: {inner.Message}", inner)
{
    public Side Side { get; } = side;
}
