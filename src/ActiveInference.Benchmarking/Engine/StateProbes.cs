using System.Reflection;
using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The fixed workloads whose times, taken next to every measured sample, describe the machine's state during that
/// sample. Together with the compute-bound <see cref="QuadraticFormReference"/> they form a sample's state
/// fingerprint.
/// </summary>
/// <remarks>
/// Measured on the shared 2-core machine: the "slow states" are not a clock change (a dependent integer chain keeps
/// its speed within 1–2%) but contention from whatever shares the core, and each kind of contention slows each kind
/// of code by its own factor (one state slowed the reference ×2.0 and a 100-dim kernel ×1.27, another ×1.4 and
/// ×1.85). One reference cannot describe that; a few probes with different bottlenecks can tell the states apart.
/// Every probe is optimised from its first call so that it never changes speed by tiering, and runs the fastest of
/// several compiled copies of its loop so that it does not change speed with where the JIT put it (<see cref="CodePlacement"/>).
/// </remarks>
public static class StateProbes
{
    /// <summary>The probes timed by default, in the order they run: memory streaming, then branches.</summary>
    public static IReadOnlyList<IReferenceWorkload> CreateDefault() => [new MemoryStreamProbe(), new BranchProbe()];
}

/// <summary>Sums a 1 MiB array of doubles with two accumulators: bound by cache and memory bandwidth.</summary>
public sealed class MemoryStreamProbe : IReferenceWorkload
{
    private readonly double[] _data = new double[1 << 17];
    private readonly Func<double[], double> _pass;
    private double _sink;

    /// <summary>Fills the array with fixed values, compiles the copies of the pass and picks the fastest (about 10 ms).</summary>
    public MemoryStreamProbe()
    {
        for (var i = 0; i < _data.Length; i++) _data[i] = (i % 13) * 0.25;
        var method = typeof(MemoryStreamProbe).GetMethod(nameof(Pass), BindingFlags.Static | BindingFlags.NonPublic)!;
        var copies = CodePlacement.Compile<Func<double[], double>>(method, f => _sink = f(_data));
        Placement = CodePlacement.ChooseFastest(copies.Length, 9, i => CodePlacement.Ticks(() => _sink = copies[i](_data)));
        _pass = copies[Placement.Fastest];
    }

    /// <summary>Which compiled copy this instance runs, and how the copies compared (diagnostics).</summary>
    internal CodePlacement.CopyChoice Placement { get; }

    /// <summary>Each copy's median time over the chosen one's, as measured when this instance was built (diagnostics).</summary>
    public string CopyTimes => Placement.Describe();

    /// <inheritdoc />
    public string Name => "memory-stream-1MiB";

    /// <summary>The last value computed, so the work cannot be optimised away.</summary>
    public double Sink => _sink;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void Run(long operations)
    {
        var pass = _pass;
        var data = _data;
        var sum = 0.0;
        for (long k = 0; k < operations; k++) sum += pass(data);
        _sink = sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Pass<TCopy>(double[] data) where TCopy : struct
    {
        double s0 = 0, s1 = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            s0 += data[i];
            s1 += data[i + 1];
        }
        return s0 + s1;
    }
}

/// <summary>A loop over 4096 pseudo-random signs with a data-dependent branch: bound by branch prediction and the front end.</summary>
public sealed class BranchProbe : IReferenceWorkload
{
    private readonly int[] _signs = new int[4096];
    private readonly Func<int[], long> _pass;
    private long _sink;

    /// <summary>
    /// Fills the signs from a fixed linear congruential sequence (the same in every process), compiles the copies of
    /// the pass and picks the fastest (about 5 ms).
    /// </summary>
    public BranchProbe()
    {
        var x = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < _signs.Length; i++)
        {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            _signs[i] = (int)(x >> 63);
        }
        var method = typeof(BranchProbe).GetMethod(nameof(Pass), BindingFlags.Static | BindingFlags.NonPublic)!;
        var copies = CodePlacement.Compile<Func<int[], long>>(method, f => _sink = f(_signs));
        Placement = CodePlacement.ChooseFastest(copies.Length, 15, i => CodePlacement.Ticks(() => _sink = copies[i](_signs) + copies[i](_signs) + copies[i](_signs)));
        _pass = copies[Placement.Fastest];
    }

    /// <summary>Which compiled copy this instance runs, and how the copies compared (diagnostics).</summary>
    internal CodePlacement.CopyChoice Placement { get; }

    /// <summary>Each copy's median time over the chosen one's, as measured when this instance was built (diagnostics).</summary>
    public string CopyTimes => Placement.Describe();

    /// <inheritdoc />
    public string Name => "branch-4k";

    /// <summary>The last value computed, so the work cannot be optimised away.</summary>
    public long Sink => _sink;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void Run(long operations)
    {
        var pass = _pass;
        var signs = _signs;
        long sum = 0;
        for (long k = 0; k < operations; k++) sum += pass(signs);
        _sink = sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long Pass<TCopy>(int[] signs) where TCopy : struct
    {
        long s = 0;
        for (var i = 0; i < signs.Length; i++)
        {
            if (signs[i] > 0) s += i;
            else s -= 3;
        }
        return s;
    }
}
