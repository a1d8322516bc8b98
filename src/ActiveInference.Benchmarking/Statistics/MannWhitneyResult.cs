namespace ActiveInference.Benchmarking.Statistics;

/// <summary>
/// Outcome of a one-sided Mann–Whitney test of "X is stochastically greater than Y".
/// </summary>
/// <param name="U">
/// The statistic U_X = #{(i, j): xᵢ &gt; yⱼ} + ½·#{(i, j): xᵢ = yⱼ}, in [0, CountX·CountY] (R's <c>W</c>). Large U
/// means X tends to be larger.
/// </param>
/// <param name="CountX">Size of the sample X.</param>
/// <param name="CountY">Size of the sample Y.</param>
/// <param name="PValue">P(U ≥ observed U) under "same distribution", in [0, 1]; small means X is greater.</param>
/// <param name="IsExact">Whether the p-value is from the exact permutation distribution (true) or the normal approximation.</param>
public sealed record MannWhitneyResult(double U, int CountX, int CountY, double PValue, bool IsExact)
{
    /// <summary>
    /// U / (CountX·CountY): the estimated P(X &gt; Y) + ½·P(X = Y) (probability of superiority, the
    /// "common-language effect size"); 0.5 means no tendency either way, 1 means every x beats every y.
    /// </summary>
    public double ProbabilityOfSuperiority => U / ((double)CountX * CountY);
}
