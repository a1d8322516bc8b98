using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>
/// A synthetic machine with three contention states, each slowing the benchmark and the three probes by its own
/// factor (shaped after the states measured on the shared machine), for the state-matching tests.
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
    ];

    public const double BenchmarkNs = 10_000;

    public static readonly double[] ProbeNs = [6_000, 80_000, 800];

    /// <summary>n samples, state of sample i from <paramref name="states"/> (cycled), 1% noise, benchmark scaled by <paramref name="change"/>.</summary>
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

    public static BenchmarkResult Result(double change, int seed, params int[] states)
    {
        var (ns, state) = Process(change, 200, seed, states);
        var reference = state["quadratic-form-32"];
        return new BenchmarkResult
        {
            FullName = "Suite.Kernel(100)",
            Name = "Kernel(100)",
            Suite = "Suite",
            Time = SummaryCalculator.Summarise(ns),
            SamplesNanosecondsPerOperation = ns,
            NormalisedSamples = ns.Select((v, i) => Math.Log(v / reference[i])).ToArray(),
            StateSamples = state.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value),
            OperationsPerSample = 100,
            AllocatedBytesPerOperation = 0,
            Gc = GcCounts.Zero,
            TotalOperations = 100L * ns.Length,
            Elapsed = TimeSpan.FromSeconds(1),
            Timestamp = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        };
    }

    /// <summary>Five recordings, each visiting all three states.</summary>
    public static Baseline Baseline() =>
        new("Suite.Kernel(100)", GateSamples.Here,
            Enumerable.Range(0, 5).Select(i => Recording.From(Result(1.0, 300 + i, i % 3, (i + 1) % 3, (i + 2) % 3), "abc")).ToArray());

    public static Func<(ChildSamples?, string?)> Children(params (double Change, int State)[] processes)
    {
        var next = 0;
        return () =>
        {
            if (next >= processes.Length) throw new InvalidOperationException("more re-measurements than expected");
            var (change, state) = processes[next];
            var (ns, probes) = Process(change, 200, 900 + next++, state);
            return (new ChildSamples(ns, [], 0, probes), null);
        };
    }

    private static double Noise(Random random) => Math.Exp(0.01 * (random.NextDouble() - 0.5) * 2);
}
