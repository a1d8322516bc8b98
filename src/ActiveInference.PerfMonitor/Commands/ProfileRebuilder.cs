using System.Globalization;
using System.Text.RegularExpressions;
using ActiveInference.Benchmarking.Baselines;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>
/// Gets a <see cref="MachineProfile"/> back from what a results file keeps of it (id and description): the
/// description is <see cref="MachineProfile.Description"/>'s text, so its fields can be parsed back.
/// </summary>
internal static partial class ProfileRebuilder
{
    [GeneratedRegex(@"^(?<cpu>.*), (?<cores>\d+) logical cores, (?<os>.*), \.NET (?<runtime>[^,]*), engine (?<engine>\S*) \[(?<settings>.*)\]$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DescriptionPattern();

    /// <summary>The profile the description was made from, carrying <paramref name="id"/>; null when the description does not parse.</summary>
    public static MachineProfile? FromDescription(string id, string description)
    {
        var match = DescriptionPattern().Match(description);
        if (!match.Success || !int.TryParse(match.Groups["cores"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var cores) || cores < 1)
            return null;
        var profile = new MachineProfile(match.Groups["cpu"].Value, cores, match.Groups["os"].Value, match.Groups["runtime"].Value,
            match.Groups["engine"].Value, match.Groups["settings"].Value);
        return profile.WithIdOverride(id);
    }

    /// <summary>A stand-in profile that carries only <paramref name="id"/> (its other fields say "unknown").</summary>
    public static MachineProfile Placeholder(string id, string description) =>
        new MachineProfile(string.IsNullOrWhiteSpace(description) ? "unknown" : description, 1, "unknown", "unknown", "unknown", "unknown").WithIdOverride(id);
}
