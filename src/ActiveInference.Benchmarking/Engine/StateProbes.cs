using System.Reflection;
using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>The fixed workloads whose times, taken next to every measured sample, describe the machine's state during it.</summary>
internal static class StateProbes
{
    /// <summary>The probes timed by default, in the order they run: memory streaming, then branches.</summary>
    public static IReadOnlyList<ISideWorkload> CreateDefault() => [new MemoryStreamProbe(), new BranchProbe()];
}

/// <summary>Sums a 1 MiB array of doubles with two accumulators: bound by cache and memory bandwidth.</summary>
internal sealed class MemoryStreamProbe : ISideWorkload
{
    private const int Length = 1 << 17;

    // Chosen once per process, so every sample in it is labelled by the same machine code.
    private static readonly Lazy<CodePlacement.Chosen<Func<double[], double>>> Copy = new(ChooseCopy);

    private readonly double[] _data = Fill(new double[Length]);
    private readonly Func<double[], double> _pass;
    private double _sink;

    /// <summary>
    /// Fills the array with fixed values. The first instance in a process also compiles the copies of the pass and
    /// picks the fastest (about 10 ms).
    /// </summary>
    public MemoryStreamProbe() => _pass = Copy.Value.Copy;

    /// <summary>Which compiled copy this process's instances run, and how the copies compared (diagnostics).</summary>
    internal CodePlacement.CopyChoice Placement => Copy.Value.Placement;

    /// <summary>The copy <see cref="Run"/> calls (for tests).</summary>
    internal int RunningCopy => CodePlacement.IndexOf(_pass.Method);

    /// <summary>Each copy's median time over the chosen one's, as measured when the copy was chosen (diagnostics).</summary>
    public string CopyTimes => Placement.Describe();

    private static double[] Fill(double[] data)
    {
        for (var i = 0; i < data.Length; i++) data[i] = (i % 13) * 0.25;
        return data;
    }

    private static CodePlacement.Chosen<Func<double[], double>> ChooseCopy()
    {
        var data = Fill(new double[Length]);
        var sink = 0.0;
        var method = typeof(MemoryStreamProbe).GetMethod(nameof(Pass), BindingFlags.Static | BindingFlags.NonPublic)!;
        return CodePlacement.Choose<Func<double[], double>>(method, f => sink += f(data), 9);
    }

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
internal sealed class BranchProbe : ISideWorkload
{
    // Chosen once per process, so every sample in it is labelled by the same machine code.
    private static readonly Lazy<CodePlacement.Chosen<Func<int[], long>>> Copy = new(ChooseCopy);

    private readonly int[] _signs = Signs();
    private readonly Func<int[], long> _pass;
    private long _sink;

    /// <summary>
    /// Fills the signs from a fixed linear congruential sequence (the same in every process). The first instance in a
    /// process also compiles the copies of the pass and picks the fastest (about 5 ms).
    /// </summary>
    public BranchProbe() => _pass = Copy.Value.Copy;

    /// <summary>Which compiled copy this process's instances run, and how the copies compared (diagnostics).</summary>
    internal CodePlacement.CopyChoice Placement => Copy.Value.Placement;

    /// <summary>The copy <see cref="Run"/> calls (for tests).</summary>
    internal int RunningCopy => CodePlacement.IndexOf(_pass.Method);

    /// <summary>Each copy's median time over the chosen one's, as measured when the copy was chosen (diagnostics).</summary>
    public string CopyTimes => Placement.Describe();

    private static int[] Signs()
    {
        var signs = new int[4096];
        var x = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < signs.Length; i++)
        {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            signs[i] = (int)(x >> 63);
        }
        return signs;
    }

    private static CodePlacement.Chosen<Func<int[], long>> ChooseCopy()
    {
        var signs = Signs();
        var sink = 0L;
        var method = typeof(BranchProbe).GetMethod(nameof(Pass), BindingFlags.Static | BindingFlags.NonPublic)!;
        return CodePlacement.Choose<Func<int[], long>>(method, f => sink += f(signs) + f(signs) + f(signs), 15);
    }

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
