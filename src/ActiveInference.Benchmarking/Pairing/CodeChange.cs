namespace ActiveInference.Benchmarking.Pairing;

/// <summary>Whether what one benchmark can execute is the same in the baseline's and the current build.</summary>
/// <param name="Unchanged">True when every method and type it can reach is identical in both builds, so measuring it
/// paired can only show noise.</param>
/// <param name="Reason">A short sentence for the verdict message, e.g. <c>SimpleFreeEnergy.Compute differs (ActiveInference.Core)</c>.</param>
internal sealed record CodeChange(bool Unchanged, string Reason);
