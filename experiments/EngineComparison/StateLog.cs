using System.Diagnostics;
using System.Text.Json;
using ActiveInference.Benchmarking.Engine;

namespace EngineComparison;

/// <summary>
/// One tool's samples from one run with the machine state measured next to each: ns per call of the kernel
/// (overhead subtracted) and, per state probe, ns per operation of the probe batch timed right after the sample.
/// Written by a child as JSON, read by the parent to compare the two tools in matching states.
/// </summary>
internal sealed record StateLog(double[] Nanoseconds, Dictionary<string, double[]> State)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static StateLog? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<StateLog>(File.ReadAllText(path), Json) : null;
}

/// <summary>
/// Times the engine's reference and state probes in batches of the engine's sizes (reference about half, each probe
/// about a quarter of the engine's minimum sample time), so a BenchmarkDotNet iteration can be labelled with the
/// machine state it ran in, the way the engine labels its own samples.
/// </summary>
internal sealed class StateRecorder
{
    private readonly (ISideWorkload Probe, long Operations)[] _probes;
    private readonly Dictionary<string, List<double>> _times;

    public StateRecorder()
    {
        var minSampleNs = new EngineSettings().MinSampleTime.TotalNanoseconds;
        ISideWorkload reference = new QuadraticFormReference();
        _probes = [(reference, Pilot(reference, minSampleNs / 2)), .. StateProbes.CreateDefault().Select(p => (p, Pilot(p, minSampleNs / 4)))];
        _times = _probes.ToDictionary(p => p.Probe.Name, _ => new List<double>());
    }

    /// <summary>Times every probe once, right now.</summary>
    public void Record()
    {
        foreach (var (probe, operations) in _probes)
        {
            var t0 = Stopwatch.GetTimestamp();
            probe.Run(operations);
            _times[probe.Name].Add(Stopwatch.GetElapsedTime(t0).TotalNanoseconds / operations);
        }
    }

    /// <summary>How many times <see cref="Record"/> ran.</summary>
    public int Count => _times.Values.First().Count;

    /// <summary>The last <paramref name="count"/> records of every probe.</summary>
    public Dictionary<string, double[]> Last(int count) =>
        _times.ToDictionary(t => t.Key, t => t.Value.Skip(t.Value.Count - count).ToArray());

    private static long Pilot(ISideWorkload probe, double targetNs)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 200) probe.Run(64);
        return BatchPilot.Grow(probe.Run, targetNs).Operations;
    }
}

/// <summary>The pilot both tools' batches share: grow the operations per batch until one batch lasts a target time.</summary>
internal static class BatchPilot
{
    /// <summary>
    /// Operations per batch for <paramref name="run"/> to last at least <paramref name="targetNs"/> ns (growing 2–16x a
    /// step), and the last batch's time in ns. Warm the code up before calling it.
    /// </summary>
    public static (long Operations, double Nanoseconds) Grow(Action<long> run, double targetNs)
    {
        long n = 1;
        while (true)
        {
            var t0 = Stopwatch.GetTimestamp();
            run(n);
            var ns = Stopwatch.GetElapsedTime(t0).TotalNanoseconds;
            if (ns >= targetNs || n > 1L << 40) return (n, ns);
            n = Math.Max(n + 1, (long)Math.Ceiling(n * Math.Clamp(targetNs / Math.Max(ns, 1), 2, 16)));
        }
    }
}
