using ActiveInference.Core.Continuous;
using ActiveInference.Core.Discrete;
using MathNet.Numerics.LinearAlgebra;

namespace ActiveInference.Core;

/// <summary>
/// Deterministic test and benchmark inputs: the same seed always gives the same model or
/// observation (System.Random with a seed), so benchmarks can build their inputs outside the timed
/// region and compare runs.
/// </summary>
public static class ModelFactory
{
    /// <summary>
    /// A random, well-conditioned linear-Gaussian model with n hidden states and m observations:
    /// W has N(0, 1/n) entries; Πₓ = I + ½ GGᵀ/n and Πₒ = 2I + ½ HHᵀ/m (G, H standard normal), so
    /// both precisions have eigenvalues in about [1, 3] and [2, 4]; η has N(0, 1) entries.
    /// </summary>
    public static LinearGaussianModel LinearGaussian(int stateCount, int observationCount, int seed)
    {
        Guard.Positive(stateCount, nameof(stateCount));
        Guard.Positive(observationCount, nameof(observationCount));
        var random = new Random(seed);
        var n = stateCount;
        var m = observationCount;
        var w = Matrix<double>.Build.Dense(m, n, (_, _) => Normal(random) / Math.Sqrt(n));
        var eta = Vector<double>.Build.Dense(n, _ => Normal(random));
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Normal(random));
        var h = Matrix<double>.Build.Dense(m, m, (_, _) => Normal(random));
        var piX = Matrix<double>.Build.DenseIdentity(n) + (g.TransposeAndMultiply(g) * (0.5 / n));
        var piO = (2.0 * Matrix<double>.Build.DenseIdentity(m)) + (h.TransposeAndMultiply(h) * (0.5 / m));
        return new LinearGaussianModel(w, eta, Symmetrise(piX), Symmetrise(piO));
    }

    /// <summary>A vector of <paramref name="length"/> standard-normal entries from <paramref name="seed"/> (e.g. an observation).</summary>
    public static double[] NormalVector(int length, int seed)
    {
        Guard.Positive(length, nameof(length));
        var random = new Random(seed);
        var result = new double[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = Normal(random);
        }

        return result;
    }

    /// <summary>A random dense matrix (entries N(0, 1)) for linear-algebra benchmarks.</summary>
    public static Matrix<double> NormalMatrix(int rows, int columns, int seed)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(columns, nameof(columns));
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => Normal(random));
    }

    /// <summary>
    /// A random POMDP: every A[m] depends on all factors, columns of A and B are random
    /// distributions (uniform weights plus a bias towards the diagonal for B, so transitions are
    /// informative), C is N(0, 1), D random distributions, E uniform, and all policies of length
    /// <paramref name="policyLength"/> in pymdp order.
    /// </summary>
    /// <param name="numStates">States per factor.</param>
    /// <param name="numObservations">Outcomes per modality.</param>
    /// <param name="numControls">Actions per factor.</param>
    /// <param name="policyLength">Steps per policy, ≥ 1.</param>
    /// <param name="seed">Random seed.</param>
    public static GenerativeModel Pomdp(int[] numStates, int[] numObservations, int[] numControls, int policyLength, int seed)
    {
        ArgumentNullException.ThrowIfNull(numStates);
        ArgumentNullException.ThrowIfNull(numObservations);
        ArgumentNullException.ThrowIfNull(numControls);
        var random = new Random(seed);
        var s = 1;
        foreach (var n in numStates)
        {
            Guard.Positive(n, nameof(numStates));
            s *= n;
        }

        var a = new double[numObservations.Length][];
        for (var m = 0; m < a.Length; m++)
        {
            var o = numObservations[m];
            a[m] = new double[o * s];
            for (var col = 0; col < s; col++)
            {
                double sum = 0;
                for (var r = 0; r < o; r++)
                {
                    var v = random.NextDouble() + (r == col % o ? 2.0 : 0.0);
                    a[m][(r * s) + col] = v;
                    sum += v;
                }

                for (var r = 0; r < o; r++)
                {
                    a[m][(r * s) + col] /= sum;
                }
            }
        }

        var b = new double[numStates.Length][];
        for (var f = 0; f < b.Length; f++)
        {
            var n = numStates[f];
            var u = numControls[f];
            b[f] = new double[n * n * u];
            for (var k = 0; k < u; k++)
            {
                for (var prev = 0; prev < n; prev++)
                {
                    double sum = 0;
                    var target = (prev + k) % n;
                    for (var next = 0; next < n; next++)
                    {
                        var v = random.NextDouble() + (next == target ? 4.0 : 0.0);
                        b[f][(((next * n) + prev) * u) + k] = v;
                        sum += v;
                    }

                    for (var next = 0; next < n; next++)
                    {
                        b[f][(((next * n) + prev) * u) + k] /= sum;
                    }
                }
            }
        }

        var c = numObservations.Select(o => Enumerable.Range(0, o).Select(_ => Normal(random)).ToArray()).ToArray();
        var d = numStates.Select(n => RandomDistribution(n, random)).ToArray();
        var policies = GenerativeModel.AllPolicies(numControls, policyLength);
        return new GenerativeModel(numStates, numObservations, numControls, a, b, c, d, null, policies);
    }

    /// <summary>A random observation (one outcome index per modality) for <paramref name="model"/>.</summary>
    public static int[] Observation(GenerativeModel model, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var random = new Random(seed);
        return model.NumObservations.Select(o => random.Next(o)).ToArray();
    }

    private static double[] RandomDistribution(int n, Random random)
    {
        var d = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            d[i] = random.NextDouble() + 0.1;
            sum += d[i];
        }

        for (var i = 0; i < n; i++)
        {
            d[i] /= sum;
        }

        return d;
    }

    private static Matrix<double> Symmetrise(Matrix<double> a) => 0.5 * (a + a.Transpose());

    /// <summary>Standard normal by Box–Muller (deterministic given the Random's state).</summary>
    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
