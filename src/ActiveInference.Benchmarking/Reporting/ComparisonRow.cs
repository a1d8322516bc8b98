using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>The per-benchmark comparison row the text and markdown reports share.</summary>
internal static class ComparisonRow
{
    /// <summary>Column headers.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Benchmark", "Verdict", "Change [interval]", "Noise floor", "Against", "Measured", "Baseline raw median", "Current raw median"];

    /// <summary>The columns holding numbers (right-aligned); the others are text.</summary>
    public static IReadOnlySet<int> Numeric { get; } = new HashSet<int> { 2, 3, 6, 7 };

    /// <summary>Says what the raw medians are and why the verdict does not rest on them; printed under the table.</summary>
    public const string Legend =
        "Raw medians are each side's median time per operation as measured (paired: in the same processes, side by side); " +
        "on a shared machine they can drift far apart with no change in the code, so the verdict rests on the change and its interval. " +
        "The noise floor is the smallest change this run can tell from noise.";

    /// <summary>The cells for <paramref name="r"/> (which has a gate outcome), unescaped.</summary>
    public static string[] Cells(GatedResult r)
    {
        var gate = r.Gate;
        return
        [
            r.Measured.Name,
            ReportText.Verdict(r),
            ComparisonText.Change(gate),
            ComparisonText.NoiseFloor(gate),
            ComparisonText.Baseline(gate),
            ComparisonText.Measured(gate),
            ComparisonText.RawMedian(gate?.BaselineMedianNanoseconds),
            ComparisonText.RawMedian(gate?.CurrentMedianNanoseconds),
        ];
    }
}
