using System.Runtime.CompilerServices;
using ActiveInference.Benchmarking.Assertions;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures.Assertions;

/// <summary>
/// Benchmarks with large, known effects for the assertion attributes' end-to-end test: zero versus 280 bytes per
/// call, no garbage versus a 32 KB array per call, and work in the ratios 1 : 2 : 4. Some are meant to fail.
/// Short warmup and measurement keep the run fast; the kernels are compiled fully optimised at once
/// (AggressiveOptimization), so the short warmup does not leave them in tier-0 code, where on-stack replacement part
/// way through a call would make long calls cheaper per unit than short ones and bend the ratios.
/// </summary>
public class AssertionFixtures
{
    private const double Short = 30;
    private readonly double[] _data = DotLoop.Data();

    /// <summary>Allocation-free: passes both limits.</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [MaxAllocatedBytesPerOperation(0), MaxGcCollections(Generation = 2, PerThousandOperations = 0)]
    public double NoAllocation() => Repeat(1);

    /// <summary>Allocates a 32-element array (280 bytes) per call: fails the zero limit.</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [MaxAllocatedBytesPerOperation(0)]
    public double Allocating() => Sum(new double[32]);

    /// <summary>Forces a gen-0 collection on every call (1 000 per 1 000 operations): fails "none per 1 000". (Allocation alone is not enough: how much it takes to trigger a collection depends on the machine's gen-0 budget.)</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [MaxGcCollections(Generation = 0, PerThousandOperations = 0)]
    public double Garbage()
    {
        GC.Collect(0, GCCollectionMode.Forced);
        return Repeat(1);
    }

    /// <summary>One unit of work: about four times faster than <see cref="Quadruple"/>, passes "2× faster".</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [FasterThan(nameof(Quadruple), By = 2)]
    public double Single() => Repeat(8);

    /// <summary>Two units: about twice as fast as <see cref="Quadruple"/>, fails "4× faster".</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [FasterThan(nameof(Quadruple), By = 4)]
    public double Double() => Repeat(16);

    /// <summary>Four units: the slow side of the comparisons.</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    public double Quadruple() => Repeat(32);

    /// <summary><paramref name="units"/> units, compared with four times as many: <see cref="WorkTimesFour"/> has only the case 8, so (16) is not compared.</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [FasterThan(nameof(WorkTimesFour), By = 2)]
    [TestCase(8), TestCase(16)]
    public double Work(int units) => Repeat(units);

    /// <summary>Four times <paramref name="units"/> units.</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [TestCase(8)]
    public double WorkTimesFour(int units) => Repeat(4 * units);

    /// <summary>Records 12 iterations, within "at most 50"; its result (positive) is within "at least 0".</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [MetricAssertion("iterations", Max = 50), MetricAssertion("result", Min = 0)]
    public double Converges()
    {
        PerfMetrics.Record("iterations", 12);
        return Repeat(1);
    }

    /// <summary>Records 80 iterations: fails "at most 50".</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [MetricAssertion("iterations", Max = 50)]
    public double ConvergesSlowly()
    {
        PerfMetrics.Record("iterations", 80);
        return Repeat(1);
    }

    /// <summary>An absolute limit written for another machine: inconclusive, never failed (its time is never compared).</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [MaxMeanTime(Milliseconds = 1000, Profile = "another-machine")]
    public double AbsoluteElsewhere() => Repeat(1);

    /// <summary>Compares with a method that does not exist: rejected before measuring.</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 2, WarmupTimeMilliseconds = Short, MinMeasurementTimeMilliseconds = Short, MinSampleTimeMilliseconds = 0.5)]
    [FasterThan("NoSuchMethod", By = 2)]
    public double MissingComparison() => Repeat(1);

    private double Repeat(int units) => DotLoop.Repeat(_data, units);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Sum(double[] values)
    {
        values[0] = 1;
        var s = 0.0;
        foreach (var v in values) s += v;
        return s;
    }
}
