namespace ActiveInference.Core.Continuous;

/// <summary>
/// Scratch buffers for evaluating the free energy and its gradient of one
/// <see cref="LinearGaussianModel"/> without allocating. One workspace serves one thread at a
/// time; give each thread its own (they are small: 2m + 2n doubles).
/// </summary>
public sealed class FreeEnergyWorkspace
{
    /// <summary>
    /// Creates buffers for a model with <paramref name="stateCount"/> hidden states and <paramref
    /// name="observationCount"/> observations.
    /// </summary>
    /// <param name="stateCount">n, the dimension of x and μ.</param>
    /// <param name="observationCount">m, the dimension of o.</param>
    public FreeEnergyWorkspace(int stateCount, int observationCount)
    {
        Guard.Positive(stateCount, nameof(stateCount));
        Guard.Positive(observationCount, nameof(observationCount));
        StateCount = stateCount;
        ObservationCount = observationCount;
        ObservationError = new double[observationCount];
        WeightedObservationError = new double[observationCount];
        StateError = new double[stateCount];
        WeightedStateError = new double[stateCount];
    }

    /// <summary>n, the hidden-state dimension these buffers fit.</summary>
    public int StateCount { get; }

    /// <summary>m, the observation dimension these buffers fit.</summary>
    public int ObservationCount { get; }

    /// <summary>εₒ = o − Wμ after the last evaluation (length m).</summary>
    internal double[] ObservationError { get; }

    /// <summary>Πₒ εₒ after the last evaluation (length m).</summary>
    internal double[] WeightedObservationError { get; }

    /// <summary>εₓ = μ − η after the last evaluation (length n).</summary>
    internal double[] StateError { get; }

    /// <summary>Πₓ εₓ after the last evaluation (length n).</summary>
    internal double[] WeightedStateError { get; }
}
