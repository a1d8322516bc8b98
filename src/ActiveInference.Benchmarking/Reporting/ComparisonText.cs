using System.Globalization;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>How the reports phrase a verdict's comparison, in the words the verdict messages use (invariant culture).</summary>
internal static class ComparisonText
{
    /// <summary>The baseline as messages name it (<c>commit 1b56a1b</c>, <c>the recorded numbers of 2026-11-29</c>); <c>-</c> without one.</summary>
    public static string Baseline(GateOutcome? gate) => gate?.Baseline ?? "-";

    /// <summary>How the change was measured, e.g. <c>paired: 3 processes × 4 copies per side</c>; <c>-</c> when unknown or no gate ran.</summary>
    public static string Measured(GateOutcome? gate) => gate?.Method switch
    {
        null => "-",
        ComparisonMethod.Paired => VerdictMessage.Paired(gate.Processes, gate.CopiesPerSide),
        ComparisonMethod.Recorded => Invariant($"recorded, state-matched: {gate.Processes} process{(gate.Processes == 1 ? "" : "es")}"),
        _ => gate.Ratio is null ? "not compared" : "-",
    };

    /// <summary>The method as machine-readable files write it (<c>paired</c>, <c>recorded</c>, <c>none</c>); empty when no gate ran.</summary>
    public static string MethodKey(GateOutcome? gate) =>
        gate is null ? "" : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(gate.Method.ToString());

    /// <summary>The change with its interval, e.g. <c>+23.4% [+18.0%, +29.0%]</c>; <c>-</c> without a change.</summary>
    public static string Change(GateOutcome? gate) => Change(gate?.Ratio, gate?.RatioInterval);

    /// <summary>A change (current ÷ baseline) with its interval when known, as <see cref="Change(GateOutcome?)"/> writes it.</summary>
    public static string Change(double? ratio, ConfidenceInterval? interval)
    {
        if (ratio is not { } r || !double.IsFinite(r))
            return "-";
        var range = interval is { } i ? $" [{Readable.Change(i.Lower)}, {Readable.Change(i.Upper)}]" : "";
        return Readable.Change(r) + range;
    }

    /// <summary>The noise floor as a symmetric percentage, e.g. <c>±2.1%</c>; <c>-</c> when unknown.</summary>
    public static string NoiseFloor(GateOutcome? gate) => NoiseFloor(gate?.NoiseFloor);

    /// <summary>A noise floor (a relative change) as <see cref="NoiseFloor(GateOutcome?)"/> writes it.</summary>
    public static string NoiseFloor(double? floor) => floor is { } f && double.IsFinite(f) ? Readable.Spread(f) : "-";

    /// <summary>A raw median for people (<see cref="Readable"/>); <c>-</c> when there is none.</summary>
    public static string RawMedian(double? nanoseconds) =>
        nanoseconds is { } ns && double.IsFinite(ns) ? Readable.Time(ns) : "-";

    /// <summary>What the run was compared with, for the head of a report: each baseline with its benchmark count and method.</summary>
    public static string RunBaseline(RunReport report)
    {
        var gated = report.Results.Where(r => r.Gate is not null).Select(r => r.Gate!).ToArray();
        var named = gated.Where(g => g.Baseline is not null).ToArray();
        if (named.Length == 0)
        {
            var mode = report.Config.TryGetValue("mode", out var m) ? $" (mode {m})" : "";
            return gated.Length == 0 ? $"none: no benchmark was gated{mode}"
                : gated.Any(g => g.Ratio is not null) ? "not named (the results come from a version that did not record it)"
                : "none: no benchmark was compared with a baseline";
        }

        return string.Join("; ", named
            .GroupBy(g => g.Baseline!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ": " + string.Join(", ", g
                .GroupBy(o => o.Method)
                .OrderBy(o => o.Key == ComparisonMethod.None ? int.MaxValue : (int)o.Key)
                .Select(o => Invariant($"{o.Count()} benchmark{(o.Count() == 1 ? "" : "s")} {How(o.Key)}")))));
    }

    private static string How(ComparisonMethod method) => method switch
    {
        ComparisonMethod.Paired => "paired (its code measured beside this code, in the same processes)",
        ComparisonMethod.Recorded => "compared with them (the fallback when there is no baseline code)",
        _ => "not compared",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
