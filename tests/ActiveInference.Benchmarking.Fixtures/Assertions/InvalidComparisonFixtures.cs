using ActiveInference.Benchmarking.Assertions;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures.Assertions;

/// <summary>
/// Relative-speed declarations that must be rejected before measuring (checked by calling Validate on these methods;
/// not meant to be run): a cycle, self-reference, a non-benchmark, a different signature, an overload, per-sample setup.
/// </summary>
public class InvalidComparisonFixtures
{
    /// <summary>Half of a cycle with <see cref="CycleB"/>.</summary>
    [PerfBenchmark, FasterThan(nameof(CycleB), By = 2)]
    public int CycleA() => 1;

    /// <summary>The other half of the cycle.</summary>
    [PerfBenchmark, FasterThan(nameof(CycleA), By = 2)]
    public int CycleB() => 2;

    /// <summary>A longer cycle: C → D → E → C.</summary>
    [PerfBenchmark, RelativeSpeed(nameof(CycleD), Max = 1)]
    public int CycleC() => 3;

    /// <summary>Part of the longer cycle.</summary>
    [PerfBenchmark, RelativeSpeed(nameof(CycleE), Max = 1)]
    public int CycleD() => 4;

    /// <summary>Part of the longer cycle.</summary>
    [PerfBenchmark, SlowerThan(nameof(CycleC), By = 1)]
    public int CycleE() => 5;

    /// <summary>Compares with itself.</summary>
    [PerfBenchmark, FasterThan(nameof(Self), By = 2)]
    public int Self() => 6;

    /// <summary>Compares with a method without [PerfBenchmark].</summary>
    [PerfBenchmark, FasterThan(nameof(NotABenchmark), By = 2)]
    public int WithPlainMethod() => 7;

    /// <summary>Not a benchmark.</summary>
    public int NotABenchmark() => 8;

    /// <summary>Compares with a benchmark whose parameter types differ.</summary>
    [PerfBenchmark, FasterThan(nameof(TakesText), By = 2)]
    [TestCase(1)]
    public int TakesNumber(int n) => n;

    /// <summary>Takes a string.</summary>
    [PerfBenchmark]
    [TestCase("a")]
    public int TakesText(string s) => s.Length;

    /// <summary>Compares with an overloaded name.</summary>
    [PerfBenchmark, FasterThan(nameof(Overloaded), By = 2)]
    public int WithOverload() => 9;

    /// <summary>One overload.</summary>
    [PerfBenchmark]
    public int Overloaded() => 10;

    /// <summary>Another overload.</summary>
    public int Overloaded(int n) => n;

    /// <summary>Compares with a benchmark that needs per-sample setup.</summary>
    [PerfBenchmark, FasterThan(nameof(NeedsSetup), By = 2)]
    public int WithSetupOther() => 11;

    /// <summary>Needs fresh state per sample.</summary>
    [PerfBenchmark(SampleSetup = nameof(Reset), OperationsPerSample = 1)]
    public int NeedsSetup() => 12;

    /// <summary>Untimed setup.</summary>
    public void Reset() { }

    /// <summary>A valid one-way comparison (to a parameterless method): no problem.</summary>
    [PerfBenchmark, FasterThan(nameof(Plain), By = 2)]
    [TestCase(3)]
    public int Valid(int n) => n;

    /// <summary>Compared with by <see cref="Valid"/>.</summary>
    [PerfBenchmark]
    public int Plain() => 13;
}
