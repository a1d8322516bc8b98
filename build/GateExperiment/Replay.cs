using System.Globalization;
using System.Text;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;

namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>
/// Re-evaluates candidate decision rules on the processes of a finished run, without running anything: the same
/// processes judged by several rules, so differences between rules are not machine noise.
/// </summary>
/// <remarks>
/// A rule needs a confirming fresh process whenever it suspects a check. The live run has one only where the default
/// policy suspected; elsewhere the replay uses the next check process of the same kernel, variant and condition
/// (a fresh process started a little later, as a confirmation would be). The second table draws many baselines
/// from the quiet A/A processes (three processes at least 60 s apart) instead of the one recorded, because a baseline
/// is fixed for many runs and its luck matters as much as the rule.
/// </remarks>
internal static class Replay
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A candidate rule: suspect above 1 + Suspect (with or without the bootstrap bound), then confirm.</summary>
    private sealed record Rule(string Name, double Suspect, bool Bootstrap, string Confirm, double ConfirmLimit);

    private static readonly Rule[] Rules =
    [
        new("default: suspect >10% & 99% LB>1, confirm >12.5%", 0.10, true, "one", 0.125),
        new("same, replayed through RegressionGate.Decide", 0.10, true, "gate", 0.125),
        new("no confirmation (suspect = fail)", 0.10, true, "none", 0),
        new("confirm >10%", 0.10, true, "one", 0.10),
        new("confirm >15%", 0.10, true, "one", 0.15),
        new("confirm: mean of both process medians >10%", 0.10, true, "mean", 0.10),
        new("two confirmations, each >12.5%", 0.10, true, "two", 0.125),
        new("two confirmations, each >10%", 0.10, true, "two", 0.10),
        new("suspect >10% without bootstrap, confirm >12.5%", 0.10, false, "one", 0.125),
    ];

    public static string Write(ExperimentData data)
    {
        var s = new StringBuilder();
        var processes = data.Processes;
        var checks = data.Checks.Where(c => c.Verdict != "Error").ToList();
        var kernels = checks.Select(c => c.Kernel).Distinct().Order().ToList();
        var variants = checks.Select(c => c.Slowdown).Distinct().Order().ToList();
        var medians = processes.ToDictionary(p => p.Id, p => p.Normalised.Length == 0 ? double.NaN : Report.Median(p));

        s.AppendLine("Replay with the recorded baselines (A/A: false alarms; slowdowns: detections; same processes for every rule):");
        s.AppendLine();
        s.Append("| rule | kernel |");
        foreach (var v in variants) s.Append(v == 0 ? " A/A |" : F($" +{v * 100:0}% |"));
        s.AppendLine(" confirmations per check |");
        s.Append("|---|---|");
        foreach (var _ in variants) s.Append("---|");
        s.AppendLine("---|");
        foreach (var rule in Rules)
            foreach (var k in kernels)
            {
                var baseline = BaselineOf(data, k);
                var centre = baseline.CenterNormalised!.Value;
                s.Append(F($"| {rule.Name} | {k} |"));
                var confirmations = 0;
                var total = 0;
                foreach (var v in variants)
                {
                    var set = checks.Where(c => c.Kernel == k && c.Slowdown == v).ToList();
                    var fails = 0;
                    foreach (var c in set)
                    {
                        var (fail, confirmed) = Decide(rule, c, checks, processes, medians, baseline, centre, []);
                        if (fail) fails++;
                        if (confirmed) confirmations++;
                    }
                    total += set.Count;
                    s.Append(' ').Append(Report.Rate(fails, set.Count)).Append(' ').Append(Report.Bound(fails, set.Count, v == 0)).Append(" |");
                }
                s.AppendLine(F($" {(total == 0 ? 0 : (double)confirmations / total):0.000} |"));
            }
        s.AppendLine();

        s.AppendLine("Replay over 400 baselines per kernel drawn from quiet A/A processes (3 processes ≥ 60 s apart; those processes are not checked); rates averaged over baselines, and the 90th percentile over baselines of the A/A rate (a baseline stays for many runs):");
        s.AppendLine();
        s.Append("| rule | kernel | A/A mean | A/A p90 over baselines |");
        foreach (var v in variants.Where(v => v > 0)) s.Append(F($" +{v * 100:0}% |"));
        s.AppendLine();
        s.Append("|---|---|---|---|");
        foreach (var _ in variants.Where(v => v > 0)) s.Append("---|");
        s.AppendLine();
        foreach (var rule in Rules.Where(r => r.Confirm != "gate"))
            foreach (var k in kernels)
            {
                var pool = processes.Where(p => p.Kernel == k && p.Slowdown == 0 && !p.Hog && p.Error is null && p.Role != "confirm" && !double.IsNaN(medians[p.Id])).ToList();
                var random = new Random(12345);
                var aaRates = new List<double>();
                var detections = variants.Where(v => v > 0).ToDictionary(v => v, _ => new List<double>());
                for (var b = 0; b < 400 && pool.Count >= 6; b++)
                {
                    var triple = DrawTriple(pool, random);
                    if (triple is null) break;
                    var exclude = triple.Select(p => p.Id).ToHashSet();
                    var centre = Quantile.Of(triple.Select(p => medians[p.Id]).ToArray(), 0.5);
                    foreach (var v in variants)
                    {
                        var set = checks.Where(c => c.Kernel == k && c.Slowdown == v && !exclude.Contains(c.First)).ToList();
                        if (set.Count == 0) continue;
                        var rate = set.Count(c => Decide(rule, c, checks, processes, medians, null, centre, exclude).Fail) / (double)set.Count;
                        if (v == 0) aaRates.Add(rate); else detections[v].Add(rate);
                    }
                }
                if (aaRates.Count == 0) continue;
                var sorted = aaRates.Order().ToArray();
                s.Append(F($"| {rule.Name} | {k} | {aaRates.Average() * 100:0.00}% | {Report.Q(sorted, 0.9) * 100:0.00}% |"));
                foreach (var v in variants.Where(v => v > 0)) s.Append(F($" {(detections[v].Count == 0 ? double.NaN : detections[v].Average()) * 100:0.0}% |"));
                s.AppendLine();
            }
        s.AppendLine();
        return s.ToString();
    }

    private static List<ProcessRecord>? DrawTriple(List<ProcessRecord> pool, Random random)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var picked = pool.OrderBy(_ => random.Next()).Take(3).ToList();
            var times = picked.Select(p => p.StartedSeconds).Order().ToArray();
            if (times[1] - times[0] >= 60 && times[2] - times[1] >= 60) return picked;
        }
        return null;
    }

    private static Baseline BaselineOf(ExperimentData data, string kernel)
    {
        var profile = MachineProfile.Detect("gate-experiment-replay");
        return new Baseline(Runner.TestName(kernel), profile,
            data.Baselines[kernel].Select(id => Recording.From(Runner.ToResult(data.Processes[id]), null)).ToArray());
    }

    private static (bool Fail, bool Confirmed) Decide(Rule rule, CheckRecord check, List<CheckRecord> checks, IReadOnlyList<ProcessRecord> processes,
        Dictionary<int, double> medians, Baseline? baseline, double centre, HashSet<int> exclude)
    {
        var first = processes[check.First];
        var confirmations = Substitutes(check, checks, processes, exclude);
        if (rule.Confirm == "gate")
        {
            var queue = new Queue<ProcessRecord>(confirmations);
            var outcome = RegressionGate.Decide(Runner.ToResult(first), baseline, [], new GatePolicy(),
                () => queue.TryDequeue(out var p) ? (Runner.ToSamples(p), null) : (null, "no confirming process"));
            return (outcome.Verdict == Verdict.Regressed, outcome.Confirmed is not null);
        }
        var shift = medians[first.Id] - centre;
        var suspect = shift > Math.Log(1 + rule.Suspect);
        if (suspect && rule.Bootstrap)
            suspect = PercentileBootstrap.MedianDifference(first.Normalised, [centre], 0.99).Lower > 0;
        if (!suspect) return (false, false);
        var limit = Math.Log(1 + rule.ConfirmLimit);
        switch (rule.Confirm)
        {
            case "none":
                return (true, false);
            case "one":
                return confirmations.Count < 1 ? (false, true) : (medians[confirmations[0].Id] - centre > limit, true);
            case "mean":
                return confirmations.Count < 1 ? (false, true) : ((shift + medians[confirmations[0].Id] - centre) / 2 > limit, true);
            default:
                if (confirmations.Count < 1 || medians[confirmations[0].Id] - centre <= limit) return (false, true);
                return confirmations.Count < 2 ? (false, true) : (medians[confirmations[1].Id] - centre > limit, true);
        }
    }

    /// <summary>The live confirmation if there was one, then the next check processes of the same kernel, variant and condition.</summary>
    private static List<ProcessRecord> Substitutes(CheckRecord check, List<CheckRecord> checks, IReadOnlyList<ProcessRecord> processes, HashSet<int> exclude)
    {
        var result = new List<ProcessRecord>();
        if (check.Confirm is { } live && processes[live].Error is null) result.Add(processes[live]);
        var later = checks.Where(c => c.Kernel == check.Kernel && c.Slowdown == check.Slowdown && c.Hog == check.Hog && c.First > check.First && !exclude.Contains(c.First))
            .Select(c => processes[c.First]).Where(p => p.Error is null);
        var earlier = checks.Where(c => c.Kernel == check.Kernel && c.Slowdown == check.Slowdown && c.Hog == check.Hog && c.First < check.First && !exclude.Contains(c.First))
            .Select(c => processes[c.First]).Where(p => p.Error is null).Reverse();
        result.AddRange(later.Concat(earlier).Take(2));
        return result;
    }

    private static string F(FormattableString f) => f.ToString(Inv);
}
