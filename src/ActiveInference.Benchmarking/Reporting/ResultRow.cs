using System.Globalization;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>The per-benchmark row the text and markdown tables share, so both show the same columns and numbers.</summary>
internal static class ResultRow
{
    /// <summary>Column headers; the first and last are text, the others numbers.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Benchmark", "Median", "Mean", "± (95% CI)", "Samples × Ops", "B/op", "GC 0/1/2", "Verdict"];

    /// <summary>The columns holding numbers (right-aligned).</summary>
    public static IReadOnlySet<int> Numeric { get; } = new HashSet<int> { 1, 2, 3, 4, 5, 6 };

    /// <summary>The cells for <paramref name="result"/>, unescaped; ± is the half width of the median's interval.</summary>
    public static string[] Cells(GatedResult result)
    {
        var (r, gate) = result;
        var verdict = ReportText.Verdict(result);
        if (gate?.Ratio is { } ratio)
        {
            verdict += " (" + Readable.Change(ratio) + ")";
        }

        return
        [
            r.Name,
            Readable.Time(r.Time.Median),
            Readable.Time(r.Time.Mean),
            Readable.Time(r.Time.MedianInterval.HalfWidth, TimeUnit.For(r.Time.Median)),
            string.Create(CultureInfo.InvariantCulture, $"{r.Time.N} × {r.OperationsPerSample}"),
            ReportText.Bytes(r.AllocatedBytesPerOperation),
            ReportText.Gc(r.Gc),
            verdict,
        ];
    }
}
