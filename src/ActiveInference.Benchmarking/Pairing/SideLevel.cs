namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a process that measured one build alone says of it (interleaved processes); ln units.</summary>
/// <param name="Level">Median over rounds of ln(median copy ns/op): the build's speed in this process.</param>
/// <param name="SelfChanges">The change between the two halves of its copies: what no change looks like in this process.</param>
/// <param name="MedianNanoseconds">Median ns/op over its copies (raw: the machine's speed is in it).</param>
/// <param name="BytesPerOperation">Median bytes allocated per call.</param>
/// <param name="Copies">Copies measured.</param>
/// <param name="Rounds">Measured rounds.</param>
internal sealed record SideLevel(double Level, double[] SelfChanges, double MedianNanoseconds, double BytesPerOperation, int Copies, int Rounds);
