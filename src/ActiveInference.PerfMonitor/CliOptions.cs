using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ActiveInference.PerfMonitor;

/// <summary>Options several commands share, parsed in the invariant culture with messages that show a valid example.</summary>
internal static class CliOptions
{
    /// <summary><c>--threshold X</c>: relative slow-down that counts as a regression, a fraction (0.1 = 10%).</summary>
    public static Option<double?> Threshold() => new("--threshold", "-t")
    {
        Description = "Relative slow-down that counts as a regression, as a fraction (0.1 = 10%)",
        CustomParser = ParseThreshold,
    };

    /// <summary>
    /// <c>--baseline-ref REF</c>: the baseline's code for the paired gate, a git commit-ish (<c>origin/main</c>, a hash) or a
    /// folder holding a prebuilt baseline of the perf test project. A value beginning with '-' is refused, so it can never
    /// be read as an option by git or dotnet.
    /// </summary>
    public static Option<string?> BaselineRef() => new("--baseline-ref")
    {
        Description = "The baseline's code to measure beside the current code: a git commit-ish (e.g. origin/main, a hash) or a folder holding a prebuilt baseline of the perf test project (default: the commit that recorded baselines.json)",
        CustomParser = ParseBaselineRef,
    };

    /// <summary>Parses a baseline reference token.</summary>
    internal static string? ParseBaselineRef(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TryParseBaselineRef(text, out var problem))
            return text;
        result.AddError(problem);
        return null;
    }

    /// <summary>
    /// True when <paramref name="text"/> can name a baseline (not blank, no control characters, not beginning with
    /// '-'); else a problem naming the value.
    /// </summary>
    internal static bool TryParseBaselineRef(string text, out string problem)
    {
        problem = Benchmarking.Configuration.PerfOptionsLoader.BaselineRefProblem(text) is { } why
            ? text.StartsWith('-')
                ? $"--baseline-ref '{text}' {why} (it would be read as an option); give a commit-ish such as origin/main or a hash, or a folder (./{text})"
                : $"--baseline-ref {why}"
            : "";
        return problem.Length == 0;
    }

    /// <summary>Parses a threshold token: a finite number ≥ 0 with a dot decimal separator.</summary>
    internal static double? ParseThreshold(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TryParseThreshold(text, out var value, out var problem))
            return value;
        result.AddError(problem);
        return null;
    }

    /// <summary>The threshold in <paramref name="text"/>, or a problem naming the value and an example.</summary>
    internal static bool TryParseThreshold(string text, out double value, out string problem)
    {
        problem = "";
        if (text.EndsWith('%'))
        {
            value = 0;
            problem = $"--threshold '{text}': write a fraction, e.g. 0.1 for 10%";
            return false;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0)
            return true;
        problem = $"--threshold '{text}' is not a number ≥ 0 (use a dot as decimal separator, e.g. 0.1 for 10%)";
        return false;
    }
}
