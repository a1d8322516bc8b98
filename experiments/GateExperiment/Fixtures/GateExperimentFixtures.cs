using System.Globalization;
using System.Runtime.CompilerServices;
using ActiveInference.Benchmarking;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>
/// The kernels of the gate experiment (experiments/GateExperiment): a precision-weighted prediction error
/// s = Σᵢ eᵢ·(Pᵢ,:·e), e = o − μ, in plain <c>double[]</c> loops, at three sizes that behave differently on a noisy
/// machine, as the cases of <see cref="QuadraticForm"/>. K1 = QuadraticForm(10): a 10-dimensional form repeated 20
/// times (a few µs, compute-bound). K2 = QuadraticForm(100): one 100-dimensional form (about 13 µs, compute-bound).
/// K3 = QuadraticForm(1000): one 1000-dimensional form (about 1.5 ms, streams an 8 MB matrix).
/// </summary>
/// <remarks>
/// The environment variable <see cref="SlowdownVariable"/> (e.g. <c>0.20</c>) injects a regression: the kernel then
/// does that fraction more of its own work (K1 repeats more forms, K2 and K3 evaluate that fraction of the rows a
/// second time), so the extra work has the same bottleneck as the rest. The settings are the attribute's defaults,
/// what a user gets. Inputs come from a fixed seed, so every process computes the same numbers.
/// </remarks>
public class GateExperimentFixtures
{
    /// <summary>Environment variable holding the injected slowdown as a fraction (0.2 = 20% more work); unset or empty means none.</summary>
    public const string SlowdownVariable = "GATE_EXPERIMENT_SLOWDOWN";

    private const int Seed = 20240521;
    private const int SmallDimension = 10;
    private const int SmallRepeats = 20;

    private Form _small = null!;
    private Form _medium = null!;
    private Form _large = null!;
    private int _smallRepeats;
    private int _mediumRows;
    private int _largeRows;

    /// <summary>Builds the inputs from a fixed seed and reads the injected slowdown.</summary>
    [OneTimeSetUp]
    public void Build()
    {
        var slowdown = Slowdown(Environment.GetEnvironmentVariable(SlowdownVariable));
        var random = new Random(Seed);
        _small = Form.Create(SmallDimension, SmallRepeats, random);
        _medium = Form.Create(100, 1, random);
        _large = Form.Create(1000, 1, random);
        _smallRepeats = SmallRepeats + (int)Math.Round(SmallRepeats * slowdown);
        _mediumRows = 100 + (int)Math.Round(100 * slowdown);
        _largeRows = 1000 + (int)Math.Round(1000 * slowdown);
    }

    /// <summary>
    /// The form at one size: K1 = 10, a 10-dimensional form over 20 observations (more with an injected slowdown);
    /// K2 = 100; K3 = 1000, over an 8 MB matrix. For K2 and K3 an injected slowdown evaluates that fraction of the
    /// rows a second time.
    /// </summary>
    /// <param name="dimension">10, 100 or 1000.</param>
    [PerfBenchmark]
    [TestCase(10), TestCase(100), TestCase(1000)]
    public double QuadraticForm(int dimension) => dimension switch
    {
        10 => _small.Repeated(_smallRepeats),
        100 => _medium.Rows(_mediumRows),
        1000 => _large.Rows(_largeRows),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the experiment's sizes are 10, 100 and 1000"),
    };

    /// <summary>The slowdown fraction in <paramref name="text"/> (invariant culture); 0 when empty.</summary>
    public static double Slowdown(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0 && value <= 10))
            throw new ArgumentException($"{SlowdownVariable} = '{text}': must be a fraction between 0 and 10 (0.2 = 20% more work)");
        return value;
    }

    private sealed class Form
    {
        private readonly int _n;
        private readonly double[] _precision;
        private readonly double[] _mean;
        private readonly double[][] _observations;
        private readonly double[] _error;

        private Form(int n, double[] precision, double[] mean, double[][] observations)
        {
            _n = n;
            _precision = precision;
            _mean = mean;
            _observations = observations;
            _error = new double[n];
        }

        public static Form Create(int n, int observations, Random random)
        {
            var precision = new double[n * n];
            for (var i = 0; i < precision.Length; i++) precision[i] = random.NextDouble() - 0.5;
            for (var i = 0; i < n; i++) precision[i * n + i] += n;
            var mean = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var obs = Enumerable.Range(0, observations).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToArray();
            return new Form(n, precision, mean, obs);
        }

        /// <summary>The form at observation k mod count, for k = 0 … repeats − 1, summed.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public double Repeated(int repeats)
        {
            var total = 0.0;
            for (var k = 0; k < repeats; k++)
            {
                SetError(_observations[k % _observations.Length]);
                total += RowRange(0, _n);
            }
            return total;
        }

        /// <summary>The form over rows 0 … n − 1, then rows 0 … rows − n − 1 again (the injected extra work).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public double Rows(int rows)
        {
            SetError(_observations[0]);
            var s = RowRange(0, _n);
            for (var start = 0; start < rows - _n; start += _n)
                s += RowRange(0, Math.Min(_n, rows - _n - start));
            return s;
        }

        private void SetError(double[] observation)
        {
            var e = _error;
            var mu = _mean;
            for (var i = 0; i < e.Length; i++) e[i] = observation[i] - mu[i];
        }

        private double RowRange(int from, int to)
        {
            var p = _precision;
            var e = _error;
            var n = _n;
            var s = 0.0;
            for (var i = from; i < to; i++)
            {
                var row = 0.0;
                var offset = i * n;
                for (var j = 0; j < n; j++)
                    row += p[offset + j] * e[j];
                s += e[i] * row;
            }
            return s;
        }
    }
}
