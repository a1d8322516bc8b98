using System.Globalization;
using System.Text;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>The lines a person reads in the test output for one benchmark.</summary>
internal static class OutputFormatter
{
    public static string Describe(GatedResult result)
    {
        var (r, gate) = result;
        var t = r.Time;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{r.Name}: median {Readable.Time(t.Median)}, mean {Readable.Time(t.Mean)} ± {Readable.Time(t.StandardDeviation)} (sd), ");
        b.Append(CultureInfo.InvariantCulture, $"95% CI of median [{Readable.Time(t.MedianInterval.Lower)}, {Readable.Time(t.MedianInterval.Upper)}], min {Readable.Time(t.Min)}, max {Readable.Time(t.Max)}");
        b.AppendLine();
        b.Append(CultureInfo.InvariantCulture, $"  {t.N} samples × {r.OperationsPerSample} ops, {r.AllocatedBytesPerOperation:0.##} B/op, GC {r.Gc.Gen0}/{r.Gc.Gen1}/{r.Gc.Gen2} (gen0/1/2), ");
        b.Append(CultureInfo.InvariantCulture, $"peak heap {r.PeakManagedHeapBytes / 1024.0 / 1024.0:0.0} MiB, overhead {Readable.Time(r.OverheadNanosecondsPerOperation)}/op subtracted, measured in {r.Elapsed.TotalSeconds:0.00} s");
        if (gate is { ComparisonSeconds: > 0 } compared) b.Append(CultureInfo.InvariantCulture, $", compared in {compared.ComparisonSeconds:0.0} s");
        if (r.StoppedByTimeLimit) b.Append(" (stopped at the time limit)");
        if (r.CustomMetrics.Count > 0)
            b.AppendLine().Append("  metrics: ").Append(string.Join(", ", r.CustomMetrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:G6}"))));
        if (!r.IsTrustworthy) b.AppendLine().Append("  NOT TRUSTWORTHY: ").Append(string.Join("; ", r.TrustIssues));
        if (gate is { } g) b.AppendLine().Append("  ").Append(g.Message);
        return b.ToString();
    }
}
