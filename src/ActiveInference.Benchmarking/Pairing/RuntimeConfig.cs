using System.Text.Json;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>The parts of a build's <c>runtimeconfig.json</c> that decide which runtime runs it and how.</summary>
/// <param name="Frameworks">The shared frameworks as <c>name version</c>, in file order.</param>
/// <param name="RollForward">The roll-forward policies, the file's and each framework's, as <c>rollForward</c> or <c>name rollForward</c>.</param>
/// <param name="Properties">The <c>configProperties</c>, each value as written (strings unquoted).</param>
internal sealed record RuntimeConfig(IReadOnlyList<string> Frameworks, IReadOnlyList<string> RollForward, IReadOnlyDictionary<string, string> Properties)
{
    private const string Unset = "(unset)";

    /// <summary>Reads a parsed runtimeconfig.json; throws <see cref="InvalidOperationException"/> or <see cref="KeyNotFoundException"/> when it is not one.</summary>
    public static RuntimeConfig Parse(JsonElement root)
    {
        var options = root.GetProperty("runtimeOptions");
        var frameworks = new List<string>();
        var rollForward = new List<string>();
        if (options.TryGetProperty("rollForward", out var policy)) rollForward.Add(Text(policy));
        foreach (var section in new[] { "framework", "frameworks", "includedFrameworks" })
        {
            if (!options.TryGetProperty(section, out var value)) continue;
            foreach (var framework in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value])
            {
                var name = framework.GetProperty("name").GetString();
                frameworks.Add($"{name} {(framework.TryGetProperty("version", out var version) ? version.GetString() : "")}".TrimEnd());
                if (framework.TryGetProperty("rollForward", out var own)) rollForward.Add($"{name} {Text(own)}");
            }
        }
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (options.TryGetProperty("configProperties", out var config))
            foreach (var property in config.EnumerateObject())
                properties[property.Name] = Text(property.Value);
        return new RuntimeConfig(frameworks, rollForward, properties);
    }

    /// <summary>What differs from <paramref name="current"/>, one short phrase each; empty when nothing does.</summary>
    public IEnumerable<string> Differences(RuntimeConfig current)
    {
        if (!Frameworks.SequenceEqual(current.Frameworks))
            yield return $"runtimeconfig.json: frameworks {List(Frameworks)} → {List(current.Frameworks)}";
        if (!RollForward.SequenceEqual(current.RollForward))
            yield return $"runtimeconfig.json: rollForward {List(RollForward)} → {List(current.RollForward)}";
        foreach (var key in Properties.Keys.Union(current.Properties.Keys).Order(StringComparer.Ordinal))
        {
            var before = Properties.GetValueOrDefault(key, Unset);
            var after = current.Properties.GetValueOrDefault(key, Unset);
            if (before != after) yield return $"runtimeconfig.json: {key} {before} → {after}";
        }
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? Unset : string.Join(", ", items);
}
