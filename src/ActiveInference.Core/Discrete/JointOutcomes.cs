namespace ActiveInference.Core.Discrete;

/// <summary>
/// The likelihood of the JOINT outcome of all modalities, p(o|s) = Π_m A[m][o_m, s], stored per
/// joint state (row s holds p(·|s) over all joint outcomes), and the per-state negative entropy
/// Σ_o p(o|s) ln(p(o|s) + e⁻¹⁶) that pymdp 0.0.7.1's <c>spm_MDP_G</c> uses.
/// </summary>
internal sealed class JointOutcomes
{
    /// <summary>pymdp's threshold and epsilon in <c>spm_MDP_G</c>: exp(−16).</summary>
    public static readonly double Threshold = Math.Exp(-16);

    public JointOutcomes(double[][] a, int[] numObservations, int stateCount)
    {
        long count = 1;
        foreach (var o in numObservations)
        {
            count *= o;
        }

        if (count * stateCount > 64L * 1024 * 1024)
        {
            throw new NotSupportedException(
                $"The joint-outcome likelihood would need {count * stateCount} entries; the joint information gain is limited to 64 Mi entries.");
        }

        OutcomeCount = (int)count;
        StateCount = stateCount;
        Likelihood = new double[stateCount * OutcomeCount];
        NegativeEntropy = new double[stateCount];
        var index = new int[numObservations.Length];
        for (var s = 0; s < stateCount; s++)
        {
            var row = Likelihood.AsSpan(s * OutcomeCount, OutcomeCount);
            Array.Clear(index);
            for (var o = 0; o < OutcomeCount; o++)
            {
                double p = 1;
                for (var m = 0; m < index.Length; m++)
                {
                    p *= a[m][(index[m] * stateCount) + s];
                }

                row[o] = p;
                for (var m = index.Length - 1; m >= 0; m--)
                {
                    if (++index[m] < numObservations[m])
                    {
                        break;
                    }

                    index[m] = 0;
                }
            }

            double h = 0;
            foreach (var p in row)
            {
                h += p * Math.Log(p + Threshold);
            }

            NegativeEntropy[s] = h;
        }
    }

    public int OutcomeCount { get; }

    public int StateCount { get; }

    /// <summary>stateCount × outcomeCount, row-major: p(o|s) at s·outcomeCount + o.</summary>
    public double[] Likelihood { get; }

    /// <summary>Σ_o p(o|s) ln(p(o|s) + e⁻¹⁶) per joint state.</summary>
    public double[] NegativeEntropy { get; }
}
