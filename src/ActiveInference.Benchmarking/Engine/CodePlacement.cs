using System.Diagnostics;
using System.Reflection;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// Keeps the fixed workloads (reference and state probes) at one speed in every process whatever address the JIT gives
/// their code (one placement of the reference ran 1.5x slower): each is compiled as <see cref="Copies"/> generic
/// instantiations over marker structs, and the copy that ran fastest is used (<see cref="ChooseFastest"/>).
/// </summary>
internal static class CodePlacement
{
    private static readonly Type[] Markers =
        [typeof(Copy0), typeof(Copy1), typeof(Copy2), typeof(Copy3), typeof(Copy4), typeof(Copy5), typeof(Copy6), typeof(Copy7)];

    /// <summary>How many copies of each workload are compiled.</summary>
    public static int Copies => Markers.Length;

    /// <summary>
    /// Compiles the copies of <paramref name="genericMethod"/> (one untimed <paramref name="batch"/> each), times them
    /// interleaved for <paramref name="rounds"/> rounds and returns the fastest with how they compared.
    /// </summary>
    /// <param name="genericMethod">A static generic method definition with one type parameter constrained to <c>struct</c>.</param>
    /// <param name="batch">Runs a copy a fixed number of times; tens of microseconds is enough.</param>
    /// <param name="rounds">Rounds of interleaved timings.</param>
    public static Chosen<TDelegate> Choose<TDelegate>(MethodInfo genericMethod, Action<TDelegate> batch, int rounds) where TDelegate : Delegate
    {
        var copies = Compile<TDelegate>(genericMethod, batch);
        var choice = ChooseFastest(copies.Length, rounds, i => Ticks(() => batch(copies[i])));
        return new Chosen<TDelegate>(copies[choice.Fastest], choice);
    }

    /// <summary>
    /// One delegate per copy of <paramref name="genericMethod"/>, each called once so that all are compiled before
    /// anything is timed.
    /// </summary>
    public static TDelegate[] Compile<TDelegate>(MethodInfo genericMethod, Action<TDelegate> callOnce) where TDelegate : Delegate
    {
        var copies = Markers.Select(m => genericMethod.MakeGenericMethod(m).CreateDelegate<TDelegate>()).ToArray();
        foreach (var copy in copies) callOnce(copy);
        return copies;
    }

    /// <summary>Which copy <paramref name="copy"/> is (its marker's index), or -1 when it is not an instantiation over a marker.</summary>
    public static int IndexOf(MethodInfo copy) =>
        copy.IsGenericMethod && copy.GetGenericArguments() is [var marker] ? Array.IndexOf(Markers, marker) : -1;

    /// <summary>
    /// The copy with the lowest median time over <paramref name="rounds"/> rounds, and every copy's median. Each round
    /// starts from a different copy, so machine speed changes fall on all copies alike.
    /// </summary>
    /// <param name="copies">Number of copies.</param>
    /// <param name="rounds">Rounds of interleaved timings; the median over them is compared.</param>
    /// <param name="time">Times one batch of copy i; any unit, the same for all copies.</param>
    public static CopyChoice ChooseFastest(int copies, int rounds, Func<int, double> time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var times = new double[copies][];
        for (var i = 0; i < copies; i++) times[i] = new double[rounds];
        for (var r = 0; r < rounds; r++)
            for (var k = 0; k < copies; k++)
            {
                var i = (r + k) % copies;
                times[i][r] = time(i);
            }
        var medians = times.Select(t => Statistics.Quantile.Median(t)).ToArray();
        return new CopyChoice(Array.IndexOf(medians, medians.Min()), medians);
    }

    /// <summary>Stopwatch ticks taken by <paramref name="batch"/>.</summary>
    public static double Ticks(Action batch)
    {
        var start = Stopwatch.GetTimestamp();
        batch();
        return Stopwatch.GetTimestamp() - start;
    }

    /// <summary>The copy a workload runs, and how all copies compared when it was chosen.</summary>
    internal sealed record Chosen<TDelegate>(TDelegate Copy, CopyChoice Placement) where TDelegate : Delegate;

    /// <summary>What <see cref="ChooseFastest"/> found: the chosen copy and each copy's median time (the caller's unit).</summary>
    internal sealed record CopyChoice(int Fastest, IReadOnlyList<double> Medians)
    {
        /// <summary>Each copy's median over the fastest one's, e.g. "1.00 1.52 1.01 1.49 …": how much placement mattered.</summary>
        public string Describe() => string.Join(' ', Medians.Select(m => (m / Medians[Fastest]).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    internal readonly struct Copy0;
    internal readonly struct Copy1;
    internal readonly struct Copy2;
    internal readonly struct Copy3;
    internal readonly struct Copy4;
    internal readonly struct Copy5;
    internal readonly struct Copy6;
    internal readonly struct Copy7;
}
