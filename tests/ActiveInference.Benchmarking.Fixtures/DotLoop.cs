using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>The fixtures' unit of work: a dot-product loop over 64 doubles, repeated, so a cost is proportional to its units.</summary>
internal static class DotLoop
{
    /// <summary>The 64 values the loop reads.</summary>
    public static double[] Data() => Enumerable.Range(0, 64).Select(i => 1.0 + i * 0.01).ToArray();

    /// <summary>
    /// <paramref name="units"/> passes of the loop over <paramref name="data"/>. Compiled optimised at once: a loop
    /// method starts in tier-0 code, and in a process that already ran much other code (a test host) its promotion to
    /// tier 1 can wait seconds behind the background compiler's queue, so the measured cost would depend on the JIT's
    /// state, not the work.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Repeat(double[] data, int units)
    {
        var s = 0.0;
        for (var u = 0; u < units; u++)
            for (var i = 0; i < data.Length; i++)
                s += data[i] * data[(i + u) & 63];
        return s;
    }
}
