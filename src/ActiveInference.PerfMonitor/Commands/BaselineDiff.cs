using System.Globalization;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>What changed between two baselines documents, one line per profile or benchmark, for people.</summary>
internal static class BaselineDiff
{
    /// <summary>Lines starting <c>+</c> (added), <c>-</c> (removed) or <c>~</c> (changed), in ordinal order; empty when equal.</summary>
    public static IReadOnlyList<string> Describe(BaselineDocument before, BaselineDocument after)
    {
        var lines = new List<string>();
        foreach (var id in before.Profiles.Keys.Union(after.Profiles.Keys).Order(StringComparer.Ordinal))
        {
            before.Profiles.TryGetValue(id, out var old);
            after.Profiles.TryGetValue(id, out var now);
            if (now is null)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"- profile {id}: removed ({old!.Benchmarks.Count} benchmark(s))"));
                continue;
            }
            if (old is null)
                lines.Add($"+ profile {id}: {now.Profile.Description}");
            var oldBenchmarks = old?.Benchmarks ?? new Dictionary<string, IReadOnlyList<Recording>>();
            foreach (var name in oldBenchmarks.Keys.Union(now.Benchmarks.Keys).Order(StringComparer.Ordinal))
            {
                var a = oldBenchmarks.TryGetValue(name, out var x) ? x : [];
                var b = now.Benchmarks.TryGetValue(name, out var y) ? y : [];
                if (a.SequenceEqual(b))
                    continue;
                var shown = SummaryTable.ReportTextLine(name);
                if (b.Count == 0)
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"- {id} {shown}: removed ({a.Count} recording(s))"));
                else if (a.Count == 0)
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"+ {id} {shown}: {b.Count} recording(s), centre {Centre(b)}"));
                else
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"~ {id} {shown}: {a.Count} -> {b.Count} recording(s) ({b.Except(a).Count()} new, {a.Except(b).Count()} dropped), centre {Centre(a)} -> {Centre(b)}"));
            }
        }
        return lines;
    }

    private static string Centre(IReadOnlyList<Recording> recordings)
    {
        return Readable.Time(Quantile.Median(recordings.Select(r => r.Time.Median)));
    }
}
