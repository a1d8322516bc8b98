using System.Diagnostics;
using System.Reflection;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// Keeps the fixed workloads (reference and state probes) at one speed in every process whatever address the JIT
/// gives their code. Where a hot loop lands can change its speed by half: on this machine (AMD EPYC, Zen 3) the 32-dim
/// quadratic form ran 1.5x slower with its code starting on a 64-byte boundary than 32 bytes past one, and which of the
/// two a process gets follows everything compiled before it (one run of the perf suite: 6 of its 19 processes got the
/// slow one). A yardstick that changes by that between processes turns into false alarms and missed regressions. So
/// each fixed workload is compiled as <see cref="Copies"/> copies (instantiations of one generic method over marker
/// structs: value-type instantiations get machine code of their own, at their own addresses), and an instance uses the
/// copy that ran fastest when all were timed interleaved (<see cref="ChooseFastest"/>).
/// </summary>
internal static class CodePlacement
{
    private static readonly Type[] Markers =
        [typeof(Copy0), typeof(Copy1), typeof(Copy2), typeof(Copy3), typeof(Copy4), typeof(Copy5), typeof(Copy6), typeof(Copy7)];

    /// <summary>How many copies of each workload are compiled.</summary>
    public static int Copies => Markers.Length;

    /// <summary>
    /// Compiles the copies of <paramref name="genericMethod"/> and returns the fastest with how they compared. Each copy
    /// first runs one untimed <paramref name="batch"/> (which compiles it, all copies one after the other, and warms
    /// the code around it), then the copies are timed interleaved for <paramref name="rounds"/> rounds.
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
    /// One delegate per copy of <paramref name="genericMethod"/> (a static generic method definition with one type
    /// parameter constrained to <c>struct</c>), each called once so that all copies are compiled now, one after the
    /// other, before anything is timed.
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
    /// The copy with the lowest median time over <paramref name="rounds"/> rounds, and every copy's median. Every round times each
    /// copy once, starting from a different copy each round, so that the machine's speed changes (2x, every 0.1–1 s
    /// here) fall on all copies alike and no copy is always timed first or last.
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
