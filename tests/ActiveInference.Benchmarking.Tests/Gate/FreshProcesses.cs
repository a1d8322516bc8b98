using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>
/// The gate's re-measurement callback playing a script of fresh processes in <see cref="StateWorld"/>: counts the
/// calls, and fails the test when the gate asks for one more than the script has.
/// </summary>
internal sealed class FreshProcesses
{
    private readonly Func<int, (Remeasurement?, string?)>[] _script;

    private FreshProcesses(Func<int, (Remeasurement?, string?)>[] script) => _script = script;

    /// <summary>Re-measurements asked for so far.</summary>
    public int Calls { get; private set; }

    /// <summary>No fresh process may be asked for.</summary>
    public static FreshProcesses None() => new([]);

    /// <summary>Fresh processes of 200 samples, each with its change and the one state it runs in.</summary>
    public static FreshProcesses Of(params (double Change, int State)[] processes) =>
        new([.. processes.Select(p => (Func<int, (Remeasurement?, string?)>)(call => Measured(p.Change, p.State, call)))]);

    /// <summary>Every fresh process fails with <paramref name="error"/> (up to three are allowed).</summary>
    public static FreshProcesses Failing(string error) => new([.. Enumerable.Repeat<Func<int, (Remeasurement?, string?)>>(_ => (null, error), 3)]);

    /// <summary>The callback handed to the gate.</summary>
    public (Remeasurement?, string?) Measure()
    {
        if (Calls >= _script.Length)
            Assert.Fail($"the gate asked for fresh process {Calls + 1}; the test expected {_script.Length}");
        var call = Calls++;
        return _script[call](call);
    }

    private static (Remeasurement?, string?) Measured(double change, int state, int call)
    {
        var (ns, probes) = StateWorld.Process(change, 200, 900 + call, state);
        return (new Remeasurement(ns, 0, probes), null);
    }
}
