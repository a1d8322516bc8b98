namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a process that measured one build alone says of it (interleaved processes); ln units.</summary>
/// <param name="Level">Median over rounds of ln(median copy ns/op ÷ the reference's ns/op): the build's speed against the
/// machine's yardstick, comparable between processes (ln ns/op when <paramref name="Normalised"/> is false).</param>
/// <param name="SelfChanges">The change between the two halves of its copies: what no change looks like in this process.</param>
/// <param name="MedianNanoseconds">Median ns/op over its copies (raw: the machine's speed is in it).</param>
/// <param name="BytesPerOperation">Median bytes allocated per call.</param>
/// <param name="Copies">Copies measured.</param>
/// <param name="Rounds">Measured rounds.</param>
/// <param name="Normalised">True when the level is against the reference timed in the same rounds.</param>
internal sealed record SideLevel(double Level, double[] SelfChanges, double MedianNanoseconds, double BytesPerOperation, int Copies, int Rounds,
    bool Normalised);
