using BenchmarkDotNet.Attributes;

namespace EngineComparison;

/// <summary>
/// The kernels both tools measure, from an empty method to about 10 ms per call. The quadratic forms are the
/// ones of /work/shared/notes/measurement-facts.md: s = Σ e[i]·(P[i,:]·e) with e = o − μ, plain double[] loops.
/// Both tools call these exact methods on an instance built by the parameterless constructor.
/// </summary>
public class Kernels
{
    /// <summary>Kernel names in the order the harness runs and prints them.</summary>
    public static readonly string[] Names = [nameof(Empty), nameof(Tiny), nameof(QuadraticForm10x20), nameof(QuadraticForm100), nameof(QuadraticForm1000), nameof(QuadraticForm100x770)];

    private readonly Form _form10 = new(10);
    private readonly Form _form100 = new(100);
    private readonly Form _form1000 = new(1000);
    private readonly double[] _coefficients = [0.5, -1.25, 0.75, 2.0, -0.5, 1.5, -0.25, 0.125, 0.3, -0.7, 1.1, -0.9, 0.6, -0.2, 0.4, 0.05];
    private double _x = 0.987654321;

    /// <summary>Nothing at all: what is left after overhead subtraction is the tool's own bias.</summary>
    [Benchmark]
    public void Empty() { }

    /// <summary>About 10 ns: Horner evaluation of a degree-15 polynomial, a chain of dependent multiply-adds.</summary>
    [Benchmark]
    public double Tiny()
    {
        var c = _coefficients;
        var x = _x;
        var y = c[0];
        for (var i = 1; i < c.Length; i++)
            y = y * x + c[i];
        return y;
    }

    /// <summary>A 10-dimensional quadratic form repeated 20 times (about 3.6 µs here).</summary>
    [Benchmark]
    public double QuadraticForm10x20()
    {
        var s = 0.0;
        for (var r = 0; r < 20; r++)
            s += _form10.Evaluate();
        return s;
    }

    /// <summary>A 100-dimensional quadratic form (about 13 µs here).</summary>
    [Benchmark]
    public double QuadraticForm100() => _form100.Evaluate();

    /// <summary>A 1000-dimensional quadratic form (about 1.5 ms here, memory-bound: an 8 MB matrix).</summary>
    [Benchmark]
    public double QuadraticForm1000() => _form1000.Evaluate();

    /// <summary>A 100-dimensional quadratic form repeated 770 times (about 10 ms, compute-bound).</summary>
    [Benchmark]
    public double QuadraticForm100x770()
    {
        var s = 0.0;
        for (var r = 0; r < 770; r++)
            s += _form100.Evaluate();
        return s;
    }

    private sealed class Form
    {
        private readonly int _n;
        private readonly double[] _precision;
        private readonly double[] _observation;
        private readonly double[] _mean;
        private readonly double[] _error;

        public Form(int n)
        {
            _n = n;
            _precision = new double[n * n];
            _observation = new double[n];
            _mean = new double[n];
            _error = new double[n];
            for (var i = 0; i < n; i++)
            {
                _observation[i] = 1.0 + (i % 11) * 0.1;
                _mean[i] = 0.5 + (i % 7) * 0.05;
                for (var j = 0; j < n; j++)
                    _precision[i * n + j] = i == j ? 2.0 : 1.0 / (1 + Math.Abs(i - j));
            }
        }

        public double Evaluate()
        {
            var n = _n;
            var e = _error;
            var o = _observation;
            var mu = _mean;
            var p = _precision;
            for (var i = 0; i < n; i++)
                e[i] = o[i] - mu[i];
            var s = 0.0;
            for (var i = 0; i < n; i++)
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
