using System.Diagnostics;
using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>A state probe (or the reference) and how many calls one timing of it makes; <see cref="Time"/> gives its ns/op.</summary>
/// <param name="Probe">The workload.</param>
/// <param name="Operations">Calls per timing.</param>
internal sealed record ProbeBatch(ISideWorkload Probe, long Operations)
{
    /// <summary>The probe's name, as the recordings key its times.</summary>
    public string Name => Probe.Name;

    /// <summary>The batch whose timing lasts at least <paramref name="length"/> (calls grown from one, at most 40 tries).</summary>
    public static ProbeBatch Piloted(ISideWorkload probe, TimeSpan length)
    {
        var target = length.TotalSeconds * 1e9;
        long n = 1;
        for (var i = 0; i < 40; i++)
        {
            var ns = Nanoseconds(probe, n);
            if (ns >= target) break;
            n = ns <= 0 ? n * 16 : Math.Max(n + 1, (long)Math.Ceiling(n * Math.Clamp(target / ns, 2, 16)));
        }
        return new ProbeBatch(probe, n);
    }

    /// <summary>Runs one batch: nanoseconds per call.</summary>
    public double Time() => Nanoseconds(Probe, Operations) / Operations;

    private static double Nanoseconds(ISideWorkload probe, long operations)
    {
        var t0 = Stopwatch.GetTimestamp();
        probe.Run(operations);
        return (Stopwatch.GetTimestamp() - t0) * 1e9 / Stopwatch.Frequency;
    }
}
