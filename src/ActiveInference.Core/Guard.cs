using System.Globalization;
using System.Runtime.CompilerServices;

namespace ActiveInference.Core;

/// <summary>
/// Precondition checks that throw <see cref="ArgumentException"/> (or a subclass) naming the
/// argument, the offending index or value, and what was expected.
/// </summary>
internal static class Guard
{
    /// <summary>Tolerance for "sums to one" and "is symmetric" checks.</summary>
    public const double SumTolerance = 1e-9;

    public static void Length(int actual, int expected, string name, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Dimension mismatch: {name} has length {actual}, expected {expected} ({what})."),
                name);
        }
    }

    public static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive finite number.");
        }
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be zero or positive.");
        }
    }

    /// <summary>Throws when any entry is NaN or infinite; cheap (one SIMD sum) when all are finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Finite(ReadOnlySpan<double> values, string name)
    {
        // A sum is finite only if every term is finite (barring overflow, which we also reject).
        if (!double.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(values)))
        {
            ThrowNotFinite(values, name);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotFinite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is NaN."), name);
            }

            if (double.IsInfinity(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is infinite ({values[i]})."), name);
            }
        }

        throw new ArgumentException(name + " has entries too large to sum (overflow).", name);
    }

    /// <summary>Throws when an entry is negative or not finite.</summary>
    public static void Probabilities(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is {v}, not a probability."), name);
            }

            if (v < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is negative ({v:R}); probabilities must be >= 0."), name);
            }
        }
    }

    /// <summary>Throws unless the entries are probabilities summing to one (within <see cref="SumTolerance"/>).</summary>
    public static void Distribution(ReadOnlySpan<double> values, string name)
    {
        Probabilities(values, name);
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        if (Math.Abs(sum - 1.0) > SumTolerance)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} sums to {sum:R}, not 1."), name);
        }
    }
}
