using System.Globalization;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>
/// Benchmarks whose behaviour each side of a paired comparison reads from a file beside its own copy of this
/// assembly (<see cref="MarkerFile"/>), so an end-to-end test can give the baseline's build other costs, no case or a
/// throwing case without compiling a second assembly. Without the file: <see cref="DefaultUnits"/> units of work.
/// </summary>
public class SideFixtures
{
    /// <summary>File name of the marker: a number of work units, <c>throw</c>, <c>bind</c> or <c>no-cases</c>.</summary>
    public const string MarkerFile = "side-fixtures.txt";

    /// <summary>Work units without a marker.</summary>
    public const int DefaultUnits = 48;

    /// <summary>The message the benchmark throws with under the marker <c>throw</c>.</summary>
    public const string ThrowMessage = "this side throws on purpose";

    /// <summary>
    /// The member the set-up reports missing under the marker <c>bind</c>, as the runtime does when an assembly built
    /// against an older framework calls a member this framework no longer has.
    /// </summary>
    public const string MissingMember = "Method not found: 'Void ActiveInference.Benchmarking.PerfMetrics.Removed()'.";

    private readonly double[] _data = DotLoop.Data();
    private string _marker = "";
    private int _units;

    /// <summary>The cases: one, or none under the marker <c>no-cases</c>.</summary>
    public static IEnumerable<int> Cases() => Marker() == "no-cases" ? [] : [1];

    [SetUp]
    public void ReadMarker()
    {
        _marker = Marker();
        if (_marker == "bind") throw new MissingMethodException(MissingMember);
        _units = int.TryParse(_marker, NumberStyles.Integer, CultureInfo.InvariantCulture, out var units) && units > 0 ? units : DefaultUnits;
    }

    /// <summary>A dot-product loop of the side's number of units.</summary>
    [PerfBenchmark(Iterations = 40, Warmup = 3, TimeLimit = 5, WarmupTimeMilliseconds = 100, MinMeasurementTimeMilliseconds = 200, Threshold = 0.5)]
    [TestCaseSource(nameof(Cases))]
    public double Work(int scale) =>
        _marker == "throw" ? throw new InvalidOperationException(ThrowMessage) : Repeat(_units * scale);

    private static string Marker()
    {
        var file = Path.Combine(Path.GetDirectoryName(typeof(SideFixtures).Assembly.Location)!, MarkerFile);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : "";
    }

    private double Repeat(int units) => DotLoop.Repeat(_data, units);
}
