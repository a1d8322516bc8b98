using ActiveInference.Benchmarking.Tests.Assertions;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>
/// A synthetic machine with contention states, each slowing the benchmark and the three probes by its own factor
/// (shaped after the states measured on the shared machine), for the state-matching and gate tests. Seeded, no clock.
/// </summary>
internal static class StateWorld
{
    public static readonly string[] Probes = ["branch-4k", "memory-stream-1MiB", "quadratic-form-32"];

    /// <summary>Per state: benchmark factor, then the factor of each probe in <see cref="Probes"/> order.</summary>
    public static readonly double[][] States =
    [
        [1.00, 1.00, 1.00, 1.00], // quiet
        [1.27, 1.30, 1.10, 2.00], // slows the reference far more than the benchmark
        [1.85, 1.00, 1.50, 1.40], // slows the benchmark more than the reference
        [1.40, 1.00, 2.50, 1.00], // a kind of contention no recording met
    ];

    /// <summary>The state of <see cref="States"/> that <see cref="Baseline"/>'s recordings never visit.</summary>
    public const int Unseen = 3;

    public const double BenchmarkNs = 10_000;

    public static readonly double[] ProbeNs = [6_000, 80_000, 800];

    /// <summary>The day of the first recording; recording i is made i days later.</summary>
    public static readonly DateTimeOffset FirstRecording = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>n samples in consecutive blocks of <paramref name="states"/>, 1% noise, benchmark scaled by <paramref name="change"/>.</summary>
    public static (double[] Nanoseconds, Dictionary<string, double[]> State) Process(double change, int n, int seed, params int[] states)
    {
        var random = new Random(seed);
        var ns = new double[n];
        var probes = Probes.Select(_ => new double[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            var state = States[states[i * states.Length / n]];
            ns[i] = BenchmarkNs * change * state[0] * Noise(random);
            for (var p = 0; p < Probes.Length; p++) probes[p][i] = ProbeNs[p] * state[p + 1] * Noise(random);
        }
        return (ns, Probes.Select((name, p) => (name, probes[p])).ToDictionary(x => x.name, x => x.Item2));
    }

    /// <summary>A result of 200 samples from <see cref="Process"/>.</summary>
    public static BenchmarkResult Result(double change, int seed, params int[] states)
    {
        var (ns, state) = Process(change, 200, seed, states);
        return Result(ns, state);
    }

    /// <summary>A result of the given samples and probe times, timed on <see cref="FirstRecording"/>.</summary>
    public static BenchmarkResult Result(double[] ns, Dictionary<string, double[]> state)
    {
        return SyntheticResult.Create(totalOperations: 100L * ns.Length, samples: ns, fullName: "Suite.Kernel(100)", name: "Kernel(100)", suite: "Suite",
            state: state.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value), timestamp: FirstRecording);
    }

    /// <summary>Five recordings on <see cref="GateSamples.Here"/>, each visiting states 0–2, one a day, commits rec0…rec4.</summary>
    public static Baseline Baseline() => Baseline(1, 1, 1, 1, 1);

    /// <summary>One recording per entry, the benchmark of recording i slower by <paramref name="offsets"/>[i] (a whole process landing elsewhere).</summary>
    public static Baseline Baseline(params double[] offsets) =>
        new("Suite.Kernel(100)", GateSamples.Here,
            offsets.Select((offset, i) => Recording.From(Result(offset, 300 + i, i % 3, (i + 1) % 3, (i + 2) % 3) with { Timestamp = FirstRecording.AddDays(i) }, $"rec{i}"))
                .ToArray());

    /// <summary><paramref name="baseline"/> as an engine without state probes would have recorded it.</summary>
    public static Baseline WithoutProbes(Baseline baseline) =>
        baseline with { Recordings = baseline.Recordings.Select(r => r with { StateSamples = new SortedDictionary<string, IReadOnlyList<double>>() }).ToArray() };

    /// <summary><paramref name="baseline"/> with every recording allocating <paramref name="bytesPerOperation"/>.</summary>
    public static Baseline Allocating(Baseline baseline, double bytesPerOperation) =>
        baseline with { Recordings = baseline.Recordings.Select(r => r with { AllocatedBytesPerOperation = bytesPerOperation }).ToArray() };

    private static double Noise(Random random) => Math.Exp(0.01 * (random.NextDouble() - 0.5) * 2);
}
