using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>
/// A benchmark whose cost the end-to-end gate test scales through the environment variable
/// <see cref="CostFactorVariable"/> (read once per fixture, so a child process re-measuring it inherits the factor).
/// </summary>
public class ScalableFixtures
{
    /// <summary>Multiplies the work of <see cref="Kernel"/> (default 1).</summary>
    public const string CostFactorVariable = "ACTIVEINFERENCE_E2E_COST_FACTOR";

    private readonly double[] _data = DotLoop.Data();
    private int _units;

    [OneTimeSetUp]
    public void ReadFactor()
    {
        var factor = int.TryParse(Environment.GetEnvironmentVariable(CostFactorVariable), out var f) && f > 0 ? f : 1;
        _units = 16 * factor;
    }

    /// <summary>A dot-product loop whose length is proportional to the cost factor.</summary>
    [PerfBenchmark(Iterations = 60, Warmup = 3, TimeLimit = 5, WarmupTimeMilliseconds = 200, MinMeasurementTimeMilliseconds = 300)]
    public double Kernel() => Repeat(_units);

    private double Repeat(int units) => DotLoop.Repeat(_data, units);
}
