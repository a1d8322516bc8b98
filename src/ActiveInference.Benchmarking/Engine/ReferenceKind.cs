namespace ActiveInference.Benchmarking.Engine;

/// <summary>Which fixed reference workload is timed next to each measured sample.</summary>
public enum ReferenceKind
{
    /// <summary>A compute-bound 32-dimensional quadratic form (<see cref="QuadraticFormReference"/>), matching floating-point kernels.</summary>
    Compute,
    /// <summary>No reference: the gate then compares raw times, which on a noisy machine it can rarely decide.</summary>
    None,
}
