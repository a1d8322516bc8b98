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
        new("same, replayed through RecordedGate.Decide", 0.10, true, "gate", 0.125),
        new("no confirmation (suspect = fail)", 0.10, true, "none", 0),
        new("confirm >10%", 0.10, true, "one", 0.10),
        new("confirm >15%", 0.10, true, "one", 0.15),
        new("confirm >20%", 0.10, true, "one", 0.20),
        new("confirm: mean of both process medians >10%", 0.10, true, "mean", 0.10),
        new("two confirmations, each >12.5%", 0.10, true, "two", 0.125),
        new("two confirmations, each >10%", 0.10, true, "two", 0.10),
        new("suspect >10% without bootstrap, confirm >12.5%", 0.10, false, "one", 0.125),
    ];

    public static string Write(ExperimentData data, string label)
    {
        var s = new StringBuilder();
        var processes = data.Processes;
        var checks = data.Checks.Where(c => c.Verdict != "Error").ToList();
        var kernels = checks.Select(c => c.Kernel).Distinct().Order().ToList();
        var variants = checks.Select(c => c.Slowdown).Distinct().Order().ToList();
        var medians = processes.ToDictionary(p => p.Id, p => p.Normalised.Length == 0 ? double.NaN : Report.Median(p));
        // median(X) − median({c}) resamples only X, so the 99% lower bound against any centre c is this bound − c.
        var candidates = Candidates(checks, processes);
        var lowers = processes.ToDictionary(p => p.Id, p => p.Normalised.Length == 0 ? double.NaN : PercentileBootstrap.MedianDifference(p.Normalised, [0.0], 0.99).Lower);

        s.AppendLine($"Replay ({label}) with the recorded baselines (A/A: false alarms; slowdowns: detections; same processes for every rule):");
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
                var centre = Quantile.Median(baseline.Recordings.Where(r => r.NormalisedSamples.Count > 0).Select(r => Quantile.Median(r.NormalisedSamples)));
                s.Append(F($"| {rule.Name} | {k} |"));
                var confirmations = 0;
                var total = 0;
                foreach (var v in variants)
                {
                    var set = checks.Where(c => c.Kernel == k && c.Slowdown == v).ToList();
                    var fails = 0;
                    foreach (var c in set)
                    {
                        var (fail, confirmed) = Decide(rule, c, candidates, processes, medians, lowers, baseline, centre, []);
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
                        var rate = set.Count(c => Decide(rule, c, candidates, processes, medians, lowers, null, centre, exclude).Fail) / (double)set.Count;
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

    /// <summary>
    /// The checks decided again by <see cref="RecordedGate"/> (default policy) on these processes, e.g. after
    /// <see cref="Settling"/>; a confirmation the live run did not take is the next check process of the same variant.
    /// </summary>
    public static ExperimentData Redecide(ExperimentData data)
    {
        var checks = data.Checks.Where(c => c.Verdict != "Error").ToList();
        var candidates = Candidates(checks, data.Processes);
        var decided = new List<CheckRecord>();
        foreach (var c in data.Checks)
        {
            if (c.Verdict == "Error") { decided.Add(c); continue; }
            var baseline = BaselineOf(data, c.Kernel);
            var queue = new Queue<ProcessRecord>(Substitutes(c, candidates, []));
            int? used = null;
            var first = data.Processes[c.First];
            var outcome = RecordedGate.Decide(Runner.ToResult(first), baseline, [], baseline.Profile, new RecordedGatePolicy(), () =>
            {
                if (!queue.TryDequeue(out var p)) return (null, "no confirming process");
                used = p.Id;
                return (Runner.ToSamples(p), null);
            });
            var naive = first.Nanoseconds.Average() / baseline.Recordings.Average(r => r.Time.Mean);
            decided.Add(c with { Confirm = used, Verdict = outcome.Verdict.ToString(), Ratio = outcome.Ratio, NaiveRatio = naive, Message = outcome.Message });
        }
        return data with { Checks = decided };
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

    private static (bool Fail, bool Confirmed) Decide(Rule rule, CheckRecord check, Dictionary<int, List<ProcessRecord>> candidates, IReadOnlyList<ProcessRecord> processes,
        Dictionary<int, double> medians, Dictionary<int, double> lowers, Baseline? baseline, double centre, HashSet<int> exclude)
    {
        var first = processes[check.First];
        var confirmations = Substitutes(check, candidates, exclude);
        if (rule.Confirm == "gate")
        {
            var queue = new Queue<ProcessRecord>(confirmations);
            var outcome = RecordedGate.Decide(Runner.ToResult(first), baseline, [], baseline!.Profile, new RecordedGatePolicy(),
                () => queue.TryDequeue(out var p) ? (Runner.ToSamples(p), null) : (null, "no confirming process"));
            return (outcome.Verdict == Verdict.Regressed, outcome.Confirmed is not null);
        }
        var shift = medians[first.Id] - centre;
        var suspect = shift > Math.Log(1 + rule.Suspect);
        if (suspect && rule.Bootstrap)
            suspect = lowers[first.Id] - centre > 0;
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

    /// <summary>
    /// Per check (by its first process): the live confirmation if there was one, then the later check processes of the
    /// same kernel, variant and condition, then the earlier ones.
    /// </summary>
    private static Dictionary<int, List<ProcessRecord>> Candidates(List<CheckRecord> checks, IReadOnlyList<ProcessRecord> processes) =>
        checks.ToDictionary(c => c.First, c =>
        {
            var result = new List<ProcessRecord>();
            if (c.Confirm is { } live && processes[live].Error is null) result.Add(processes[live]);
            var same = checks.Where(o => o.Kernel == c.Kernel && o.Slowdown == c.Slowdown && o.Hog == c.Hog && o.First != c.First)
                .Select(o => processes[o.First]).Where(p => p.Error is null).ToList();
            result.AddRange(same.Where(p => p.Id > c.First));
            result.AddRange(same.Where(p => p.Id < c.First).Reverse());
            return result.DistinctBy(p => p.Id).ToList();
        });

    private static List<ProcessRecord> Substitutes(CheckRecord check, Dictionary<int, List<ProcessRecord>> candidates, HashSet<int> exclude) =>
        candidates[check.First].Where(p => !exclude.Contains(p.Id)).Take(2).ToList();

    private static string F(FormattableString f) => f.ToString(Inv);
}
