namespace ActiveInference.Benchmarking.Gate;

/// <summary>What one paired process says: the current build's change against the baseline, and each side against itself (A/A); ln units.</summary>
/// <param name="Change">Median over rounds of ln(median current copy ÷ median baseline copy), empty-loop cost subtracted.</param>
/// <param name="SelfChanges">The same statistic between the two halves of the baseline's copies and of the current's:
/// what a change of zero looks like in this process.</param>
/// <param name="BaselineMedianNanoseconds">Median ns/op of the baseline's copies (raw: the machine's speed is in it).</param>
/// <param name="CurrentMedianNanoseconds">Median ns/op of the current build's copies (raw).</param>
/// <param name="BaselineBytesPerOperation">Median bytes allocated per call by the baseline's copies.</param>
/// <param name="CurrentBytesPerOperation">Median bytes allocated per call by the current build's copies.</param>
/// <param name="CopiesPerSide">Copies of each side.</param>
/// <param name="Rounds">Measured rounds.</param>
internal sealed record ProcessComparison(double Change, double[] SelfChanges, double BaselineMedianNanoseconds, double CurrentMedianNanoseconds,
    double BaselineBytesPerOperation, double CurrentBytesPerOperation, int CopiesPerSide, int Rounds);
