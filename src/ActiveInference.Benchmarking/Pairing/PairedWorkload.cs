using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>One copy's workload as the sampler sees it: its side, its number within the side, and its loop.</summary>
internal sealed record PairedWorkload(Side Side, int Index, Workload Workload);
