using System.Numerics.Tensors;

namespace ActiveInference.Core;

/// <summary>
/// Allocation-free kernels on probability vectors, following pymdp 0.0.7.1's conventions (<c>ln*(x) = ln(x +
/// 1e-16)</c>, max-shifted softmax).
/// </summary>
public static class Probability
{
    /// <summary>The epsilon pymdp adds inside logarithms (<c>maths.EPS_VAL</c> = 1e-16).</summary>
    public const double LogEpsilon = 1e-16;

    /// <summary>
    /// Writes <c>ln(x + 1e-16)</c> (pymdp's <c>spm_log_single</c>) into <paramref name="destination"/>,
    /// which may be the same span as <paramref name="x"/>.
    /// </summary>
    /// <param name="x">Probabilities (or any non-negative values).</param>
    /// <param name="destination">Output, same length as <paramref name="x"/>.</param>
    public static void LogStar(ReadOnlySpan<double> x, Span<double> destination)
    {
        TensorPrimitives.Add(x, LogEpsilon, destination);
        TensorPrimitives.Log(destination, destination);
    }

    /// <summary>
    /// Numerically stable softmax in place: <c>x ← exp(x − max x) / Σ exp(x − max x)</c> (log-sum-exp shift, so no
    /// overflow for large inputs).
    /// </summary>
    /// <param name="x">Log-weights on input; normalised probabilities on output. Must be non-empty.</param>
    public static void SoftmaxInPlace(Span<double> x)
    {
        var max = TensorPrimitives.Max((ReadOnlySpan<double>)x);
        TensorPrimitives.Subtract(x, max, x);
        TensorPrimitives.Exp(x, x);
        var sum = TensorPrimitives.Sum((ReadOnlySpan<double>)x);
        TensorPrimitives.Divide(x, sum, x);
    }

    /// <summary>
    /// <c>ln Σ exp(x)</c> computed stably as <c>max + ln Σ exp(x − max)</c>, without allocating
    /// (uses <paramref name="scratch"/>, same length as <paramref name="x"/>).
    /// </summary>
    public static double LogSumExp(ReadOnlySpan<double> x, Span<double> scratch)
    {
        var max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        return max + Math.Log(TensorPrimitives.Sum((ReadOnlySpan<double>)scratch));
    }

    /// <summary>Index of the largest entry; the first index wins ties (like <c>numpy.argmax</c>).</summary>
    public static int ArgMax(ReadOnlySpan<double> x)
    {
        var best = 0;
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i] > x[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Draws an index from the categorical distribution <paramref name="p"/> (need not be exactly
    /// normalised) with one uniform draw from <paramref name="random"/>.
    /// </summary>
    public static int Sample(ReadOnlySpan<double> p, Random random)
    {
        var total = TensorPrimitives.Sum(p);
        var u = random.NextDouble() * total;
        double cumulative = 0;
        for (var i = 0; i < p.Length; i++)
        {
            cumulative += p[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        // Rounding: fall back to the last index with positive mass.
        for (var i = p.Length - 1; i >= 0; i--)
        {
            if (p[i] > 0)
            {
                return i;
            }
        }

        return p.Length - 1;
    }
}
