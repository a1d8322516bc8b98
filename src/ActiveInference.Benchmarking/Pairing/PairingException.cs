namespace ActiveInference.Benchmarking.Pairing;

/// <summary>A paired measurement could not be made; the message says why in a person's words.</summary>
internal sealed class PairingException(string message, Exception? inner = null) : Exception(message, inner);
