using System.Numerics.Tensors;

namespace ActiveInference.Core.Discrete;

/// <summary>Outer products of factor marginals into joint distributions (last factor fastest).</summary>
internal static class Joint
{
    /// <summary>destination[0..length) = q[from] ⊗ ... ⊗ q[to−1]; returns length (1, holding 1.0, for an empty range).</summary>
    public static int Outer(ReadOnlySpan<double[]> q, int from, int to, Span<double> destination)
    {
        destination[0] = 1.0;
        var length = 1;
        for (var g = from; g < to; g++)
        {
            ReadOnlySpan<double> factor = q[g];
            var size = factor.Length;
            // Expand in place from the back so no entry is overwritten before it is read.
            for (var i = length - 1; i >= 0; i--)
            {
                var v = destination[i];
                TensorPrimitives.Multiply(factor, v, destination.Slice(i * size, size));
            }

            length *= size;
        }

        return length;
    }
}
