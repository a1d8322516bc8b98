using System.Globalization;
using System.Text;

namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>Turns a run's data into the markdown tables of the README: rates with exact confidence bounds, cost, offsets.</summary>
internal static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(ExperimentData data)
    {
        var s = new StringBuilder();
        var processes = data.Processes;
        var checks = data.Checks.Where(c => c.Verdict != "Error").ToList();
        var errors = data.Checks.Count - checks.Count;
        var kernels = checks.Select(c => c.Kernel).Distinct().Order().ToList();
        var variants = checks.Select(c => c.Slowdown).Distinct().Order().ToList();
        var span = processes.Count == 0 ? 0 : processes.Max(p => p.StartedSeconds + p.WallSeconds) / 60;
        s.AppendLine(F($"Run {data.Started}, {span:0} min, {processes.Count} processes ({processes.Count(p => p.Role == "baseline")} baseline, {processes.Count(p => p.Role == "check")} check, {processes.Count(p => p.Role == "confirm")} confirmation), {checks.Count} checks, {errors} failed checks; load average at start {data.LoadAtStart}, at end {data.LoadAtEnd}."));
        s.AppendLine(F($"Machine: {data.Machine}."));
        s.AppendLine();
        s.AppendLine("Gate = RecordedGate with the default RecordedGatePolicy (threshold 10%; state-matched change of each process; suspect above +4.9% with the 99% bootstrap lower bound above 0; fails when the mean change of the first process and two fresh ones exceeds +10% and each fresh one exceeds +4.9%; processes in states the baseline never saw are replaced by fresh ones; \"confirmations run\" counts every fresh process). The \"measured (normalised)\" and offsets tables below use the plain ratio to the reference, not the gate's state-matched scale. Naive = the seed's rule on the same first process: mean ns/op ÷ mean of the baseline recordings' means > 1.10. Rates: A/A rows count false alarms and give the one-sided 95% upper bound; slowdown rows count detections and give the one-sided 95% lower bound (Clopper–Pearson; 0 of n gives about 3/n, the rule of three).");
        s.AppendLine();
        s.AppendLine("| kernel | injected | measured (normalised / raw) | checks (quiet+hog) | gate Regressed | gate bound | Inconclusive | confirmations run | naive flagged | naive bound |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var k in kernels)
            foreach (var v in variants)
            {
                var set = checks.Where(c => c.Kernel == k && c.Slowdown == v).ToList();
                if (set.Count == 0) continue;
                var n = set.Count;
                var reg = set.Count(c => c.Verdict == "Regressed");
                var inc = set.Count(c => c.Verdict == "Inconclusive");
                var conf = set.Count(c => c.Confirm is not null);
                var naive = set.Count(c => c.NaiveRatio > 1.10);
                var (norm, raw) = MeasuredSlowdown(data, k, v);
                s.AppendLine(F($"| {k} | {(v == 0 ? "A/A" : $"+{v * 100:0}%")} | {norm} / {raw} | {n} ({set.Count(c => !c.Hog)}+{set.Count(c => c.Hog)}) | {Rate(reg, n)} | {Bound(reg, n, v == 0)} | {inc} | {conf} | {Rate(naive, n)} | {Bound(naive, n, v == 0)} |"));
            }
        s.AppendLine();

        if (checks.Any(c => c.Hog))
        {
            s.AppendLine("By condition (gate Regressed / naive flagged; quiet | with a busy loop on the other core):");
            s.AppendLine();
            s.AppendLine("| kernel | injected | gate quiet | gate hog | naive quiet | naive hog |");
            s.AppendLine("|---|---|---|---|---|---|");
            foreach (var k in kernels)
                foreach (var v in variants)
                {
                    var q = checks.Where(c => c.Kernel == k && c.Slowdown == v && !c.Hog).ToList();
                    var h = checks.Where(c => c.Kernel == k && c.Slowdown == v && c.Hog).ToList();
                    if (q.Count + h.Count == 0) continue;
                    s.AppendLine(F($"| {k} | {(v == 0 ? "A/A" : $"+{v * 100:0}%")} | {Rate(q.Count(c => c.Verdict == "Regressed"), q.Count)} | {Rate(h.Count(c => c.Verdict == "Regressed"), h.Count)} | {Rate(q.Count(c => c.NaiveRatio > 1.1), q.Count)} | {Rate(h.Count(c => c.NaiveRatio > 1.1), h.Count)} |"));
                }
            s.AppendLine();
        }

        var aa = checks.Where(c => c.Slowdown == 0).ToList();
        if (aa.Count > 0)
        {
            var fa = aa.Count(c => c.Verdict == "Regressed");
            var up = Binomial.UpperOneSided(fa, aa.Count);
            var p = (double)fa / aa.Count;
            s.AppendLine(F($"Suite level (A/A, all kernels pooled): {fa} false alarms in {aa.Count} checks, p = {p * 100:0.00}%, 95% upper bound {up * 100:0.00}%. Probability that a suite of k benchmarks fails, 1 − (1 − p)^k: k = {kernels.Count}: {(Suite(p, kernels.Count)) * 100:0.00}% (bound {(Suite(up, kernels.Count)) * 100:0.00}%); k = 20: {(Suite(p, 20)) * 100:0.00}% (bound {(Suite(up, 20)) * 100:0.00}%); k = 100: {(Suite(p, 100)) * 100:0.00}% (bound {(Suite(up, 100)) * 100:0.00}%). Target: ≤ 1% per suite, i.e. p ≤ {(1 - Math.Pow(0.99, 1.0 / 20)) * 100:0.000}% for 20 benchmarks. Naive rule: {aa.Count(c => c.NaiveRatio > 1.1)} of {aa.Count}, suite of {kernels.Count}: {(Suite((double)aa.Count(c => c.NaiveRatio > 1.1) / aa.Count, kernels.Count)) * 100:0.0}%."));
            s.AppendLine();
        }

        s.AppendLine("Measuring cost (wall time of one measuring process: dotnet start-up, NUnit, 500 ms warmup, ≥ 400 ms measuring):");
        s.AppendLine();
        s.AppendLine("| kernel | processes | median s | mean s | p90 s | processes per check (1 + confirmations) | samples per process (median) |");
        s.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var k in kernels)
        {
            var walls = processes.Where(p => p.Kernel == k && p.Error is null).Select(p => p.WallSeconds).Order().ToArray();
            var ks = checks.Where(c => c.Kernel == k).ToList();
            var per = ks.Count == 0 ? 0 : 1 + (double)ks.Count(c => c.Confirm is not null) / ks.Count;
            var samples = processes.Where(p => p.Kernel == k && p.Error is null).Select(p => (double)p.Normalised.Length).Order().ToArray();
            s.AppendLine(F($"| {k} | {walls.Length} | {Q(walls, 0.5):0.00} | {walls.Average():0.00} | {Q(walls, 0.9):0.00} | {per:0.000} | {Q(samples, 0.5):0} |"));
        }
        s.AppendLine();

        s.AppendLine("Whole-process offsets (A/A processes, each process's median normalised ratio ÷ the median over all A/A processes of the kernel):");
        s.AppendLine();
        s.AppendLine("| kernel | condition | processes | sd | p1 | p99 | max | > +10% | > +12.5% | r(check, its confirmation) |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var k in kernels)
        {
            var all = processes.Where(p => p.Kernel == k && p.Slowdown == 0 && p.Error is null && p.Normalised.Length > 0).ToList();
            if (all.Count == 0) continue;
            var centre = Q(all.Select(Median).Order().ToArray(), 0.5);
            foreach (var (name, set) in new[] { ("quiet", all.Where(p => !p.Hog).ToList()), ("hog", all.Where(p => p.Hog).ToList()) })
            {
                if (set.Count == 0) continue;
                var off = set.Select(p => Median(p) - centre).Order().ToArray();
                var pairs = checks.Where(c => c.Kernel == k && c.Confirm is { } && c.Hog == (name == "hog"))
                    .Select(c => (Median(processes[c.First]), processes[c.Confirm!.Value])).Where(t => t.Item2.Normalised.Length > 0)
                    .Select(t => (t.Item1, Median(t.Item2))).ToList();
                var r = pairs.Count >= 3 ? Correlation(pairs) : double.NaN;
                s.AppendLine(F($"| {k} | {name} | {off.Length} | {Sd(off) * 100:0.0}% | {Pct(Q(off, 0.01))} | {Pct(Q(off, 0.99))} | {Pct(off[^1])} | {off.Count(o => o > Math.Log(1.10))} | {off.Count(o => o > Math.Log(1.125))} | {(double.IsNaN(r) ? "–" : r.ToString("0.00", Inv))} (n={pairs.Count}) |"));
            }
        }
        s.AppendLine();
        return s.ToString();
    }

    private static (string Normalised, string Raw) MeasuredSlowdown(ExperimentData data, string kernel, double variant)
    {
        double Centre(double v, Func<ProcessRecord, double> f)
        {
            var values = data.Processes.Where(p => p.Kernel == kernel && p.Slowdown == v && p.Error is null && p.Normalised.Length > 0).Select(f).Order().ToArray();
            return values.Length == 0 ? double.NaN : Q(values, 0.5);
        }
        var norm = Math.Exp(Centre(variant, Median) - Centre(0, Median));
        var raw = Centre(variant, p => Q(p.Nanoseconds.Order().ToArray(), 0.5)) / Centre(0, p => Q(p.Nanoseconds.Order().ToArray(), 0.5));
        return (Pct(Math.Log(norm)), Pct(Math.Log(raw)));
    }

    public static double Median(ProcessRecord p) => Q(p.Normalised.Order().ToArray(), 0.5);

    public static double Q(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double Sd(double[] x)
    {
        if (x.Length < 2) return 0;
        var m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }

    private static double Correlation(List<(double A, double B)> pairs)
    {
        var ma = pairs.Average(p => p.A);
        var mb = pairs.Average(p => p.B);
        var cov = pairs.Sum(p => (p.A - ma) * (p.B - mb));
        var va = pairs.Sum(p => (p.A - ma) * (p.A - ma));
        var vb = pairs.Sum(p => (p.B - mb) * (p.B - mb));
        return va == 0 || vb == 0 ? double.NaN : cov / Math.Sqrt(va * vb);
    }

    public static double Suite(double p, int k) => 1 - Math.Pow(1 - p, k);

    public static string Rate(int k, int n) => n == 0 ? "–" : F($"{k}/{n} ({(double)k / n * 100:0.#}%)");

    public static string Bound(int k, int n, bool upper) =>
        n == 0 ? "–" : upper ? F($"≤ {Binomial.UpperOneSided(k, n) * 100:0.0#}%") : F($"≥ {Binomial.LowerOneSided(k, n) * 100:0.0#}%");

    public static string Pct(double logRatio) => double.IsNaN(logRatio) ? "–" : F($"{(Math.Exp(logRatio) - 1) * 100:+0.0;-0.0;0.0}%");

    private static string F(FormattableString f) => f.ToString(Inv);
}
