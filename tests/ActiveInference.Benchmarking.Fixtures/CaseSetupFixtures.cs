using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>
/// A parameterised benchmark whose input is built by a per-case set-up (<see cref="PerfBenchmarkAttribute.Setup"/>)
/// from the case's argument: the benchmark throws unless the set-up ran for its own argument, and the set-up
/// allocates a large array, so an allocation-free result shows it ran outside the timing.
/// </summary>
public class CaseSetupFixtures
{
    /// <summary>Set-up calls in this process, per argument.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> SetupCalls = new();

    private double[] _data = [];
    private int _preparedFor = -1;

    /// <summary>Builds the case's input: <paramref name="size"/> values (and 1 MB of garbage).</summary>
    public void Prepare(int size)
    {
        SetupCalls.AddOrUpdate(size, 1, (_, n) => n + 1);
        GC.KeepAlive(new byte[1 << 20]);
        _data = Enumerable.Range(0, size).Select(i => 1.0 + i).ToArray();
        _preparedFor = size;
    }

    /// <summary>The length of the prepared input; throws when it was prepared for another argument.</summary>
    [PerfBenchmark(Iterations = 5, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 20, MinMeasurementTimeMilliseconds = 20, Setup = nameof(Prepare))]
    [TestCase(3), TestCase(5)]
    public double Length(int size) =>
        size == _preparedFor ? _data.Length : throw new InvalidOperationException($"prepared for {_preparedFor}, called with {size}");
}

/// <summary>A per-case set-up of the benchmark's shape, for the paired gate: its copies throw unless it ran for them.</summary>
public class PairedCaseSetupFixtures
{
    private readonly double[] _data = DotLoop.Data();
    private int _units;

    /// <summary>Sets the units of work from the case's argument.</summary>
    public void Prepare(int units) => _units = units;

    /// <summary>A dot-product loop of the prepared units; throws when the set-up did not run.</summary>
    [PerfBenchmark(Iterations = 10, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 20, MinMeasurementTimeMilliseconds = 20, Threshold = 0.5, Setup = nameof(Prepare))]
    [TestCase(48)]
    public double Work(int units) => _units == units ? DotLoop.Repeat(_data, _units) : throw new InvalidOperationException($"not prepared for {units}");
}

/// <summary>A <see cref="PerfBenchmarkAttribute.Setup"/> naming a method whose parameters are not the benchmark's.</summary>
public class MismatchedCaseSetupFixtures
{
    /// <summary>Calls of the benchmark (it must never run).</summary>
    public static int Calls;

    /// <summary>Takes a string where the benchmark takes an int.</summary>
    public void Prepare(string size) { }

    /// <summary>Never measured.</summary>
    [PerfBenchmark(Setup = nameof(Prepare))]
    [TestCase(3)]
    public int Measured(int size) => ++Calls;
}
