using System.Reflection;
using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The default reference: a 32-dimensional quadratic form eᵀPe with plain loops, compute-bound like the kernels it
/// normalises (chosen by measurement: it tracked their slowdowns). Compiled as several copies (<see cref="CodePlacement"/>).
/// </summary>
internal sealed class QuadraticFormReference : ISideWorkload
{
    /// <summary>The reference's <see cref="Name"/>, stored with baselines.</summary>
    /// <remarks>Names the fastest-copy rule too: times from before it (one placement, 1.5x apart) are not comparable.</remarks>
    public const string ReferenceName = "quadratic-form-32-fastest-copy";

    private const int Dimension = 32;

    // Chosen once per process, so every benchmark in it is normalised by the same machine code.
    private static readonly Lazy<CodePlacement.Chosen<Func<double[], double[], double>>> Copy = new(ChooseCopy);

    private readonly double[] _precision = new double[Dimension * Dimension];
    private readonly double[] _error = new double[Dimension];
    private readonly Func<double[], double[], double> _evaluate;
    private double _sink;

    /// <summary>
    /// Builds the fixed matrix and vector (deterministic values, no randomness). The first instance in a process also
    /// compiles the copies of the form and picks the fastest: about 5 ms, untimed for the benchmark.
    /// </summary>
    public QuadraticFormReference()
    {
        Fill(_precision, _error);
        _evaluate = Copy.Value.Copy;
    }

    /// <inheritdoc />
    public string Name => ReferenceName;

    /// <summary>Which compiled copy this process's instances run, and how the copies compared (diagnostics).</summary>
    internal CodePlacement.CopyChoice Placement => Copy.Value.Placement;

    /// <summary>The copy <see cref="Run"/> calls (for tests).</summary>
    internal int RunningCopy => CodePlacement.IndexOf(_evaluate.Method);

    /// <summary>Each copy's median time over the chosen one's, as measured when the copy was chosen (diagnostics).</summary>
    public string CopyTimes => Placement.Describe();

    /// <summary>The last value computed, so the work cannot be optimised away.</summary>
    public double Sink => _sink;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void Run(long operations)
    {
        var evaluate = _evaluate;
        var p = _precision;
        var e = _error;
        var sum = 0.0;
        for (long k = 0; k < operations; k++)
            sum += evaluate(p, e);
        _sink = sum;
    }

    private static void Fill(double[] precision, double[] error)
    {
        for (var i = 0; i < Dimension; i++)
        {
            error[i] = 0.5 + (i % 7) * 0.125;
            for (var j = 0; j < Dimension; j++)
                precision[i * Dimension + j] = i == j ? 2.0 : 1.0 / (1 + Math.Abs(i - j));
        }
    }

    private static CodePlacement.Chosen<Func<double[], double[], double>> ChooseCopy()
    {
        var (precision, error) = (new double[Dimension * Dimension], new double[Dimension]);
        Fill(precision, error);
        var sink = 0.0;
        var method = typeof(QuadraticFormReference).GetMethod(nameof(Evaluate), BindingFlags.Static | BindingFlags.NonPublic)!;
        return CodePlacement.Choose<Func<double[], double[], double>>(method, f => sink += Batch(f, precision, error, 24), 15);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Batch(Func<double[], double[], double> evaluate, double[] precision, double[] error, int calls)
    {
        var sum = 0.0;
        for (var k = 0; k < calls; k++) sum += evaluate(precision, error);
        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Evaluate<TCopy>(double[] p, double[] e) where TCopy : struct
    {
        var s = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            var row = 0.0;
            var offset = i * Dimension;
            for (var j = 0; j < Dimension; j++)
                row += p[offset + j] * e[j];
            s += e[i] * row;
        }
        return s;
    }
}
