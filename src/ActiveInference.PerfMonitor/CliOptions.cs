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
