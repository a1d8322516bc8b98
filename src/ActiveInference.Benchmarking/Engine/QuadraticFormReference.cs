using System.Reflection;
using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The default reference: a 32-dimensional quadratic form eᵀPe with plain loops, compute-bound floating point
/// like the kernels it normalises. Measured on the noisy 2-core machine, its slow state slowed it ×1.80 against
/// ×1.65–1.85 for compute-bound kernels, while a scalar FP chain (×1.08) or a memory pass (×1.35) did not track them.
/// The form is compiled as several copies and every instance in a process uses the one that was fastest in it
/// (<see cref="CodePlacement"/>): one placement of this loop ran 1.5x slower than another.
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
    /// <remarks>
    /// Optimised from the first call (as are the copies of <see cref="Evaluate{TCopy}"/>): methods with loops otherwise start as tier-0 code
    /// with on-stack replacement and are promoted later, at a time that depends on the process (seconds late in a
    /// busy one), so the yardstick itself would change speed between benchmarks and processes.
    /// </remarks>
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
