using ActiveInference.Benchmarking.IO;
namespace ActiveInference.Benchmarking.History;

/// <summary>A level change of an anchored series, beyond the minimum effect, and the commit range it happened in.</summary>
/// <param name="Index">Index of the first point at the new level.</param>
/// <param name="LastBefore">The last commit measured at the old level (the range's good end).</param>
/// <param name="FirstAfter">The first commit measured at the new level (the range's bad end).</param>
/// <param name="Before">The old level (median ratio to the series' anchor).</param>
/// <param name="After">The new level.</param>
internal sealed record Step(int Index, string LastBefore, string FirstAfter, double Before, double After)
{
    /// <summary>New level ÷ old level: 1.2 = 20% slower.</summary>
    public double Factor => After / Before;

    /// <summary>True when the step is a slow-down of at least <paramref name="threshold"/> (0.10 = 10%): an alert on the main branch.</summary>
    public bool IsRegression(double threshold) => Factor >= 1 + threshold;

    /// <summary>The command that bisects this step's range for <paramref name="fullName"/> (the filter names its method, arguments left out).</summary>
    public string BisectCommand(string fullName)
    {
        var method = fullName.IndexOf('(') is var open and > 0 ? fullName[..open] : fullName;
        return $"perfmonitor bisect --good {Git.Short(LastBefore)} --bad {Git.Short(FirstAfter)} --filter \"FullyQualifiedName~{method}\"";
    }

}
