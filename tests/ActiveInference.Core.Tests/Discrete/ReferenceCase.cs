using System.Text.Json;

namespace ActiveInference.Core.Tests.Discrete;

/// <summary>
/// Finds pymdp reference files (format <c>pymdp-oracle-reference/1</c>) in TestData/pymdp and in
/// the folder named by ACTIVE_INFERENCE_REFERENCE_DIR, and turns every (file, step) into a case.
/// </summary>
public static class ReferenceCase
{
    public const string Format = "pymdp-oracle-reference/1";
    public const string DirectoryVariable = "ACTIVE_INFERENCE_REFERENCE_DIR";

    /// <summary>Every reference file, bundled first, then the ones from the environment variable's folder.</summary>
    public static IEnumerable<string> Files()
    {
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "TestData", "pymdp") };
        var extra = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(extra))
        {
            folders.Add(extra);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var full = Path.GetFullPath(file);
                if (seen.Add(full) && HasFormat(full))
                {
                    yield return full;
                }
            }
        }
    }

    /// <summary>One NUnit case per (file, step).</summary>
    public static IEnumerable<TestCaseData> Steps()
    {
        foreach (var file in Files())
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var steps = document.RootElement.GetProperty("steps").GetArrayLength();
            var bundled = file.StartsWith(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "TestData")), StringComparison.Ordinal);
            var name = (bundled ? string.Empty : DirectoryVariable + ":") + Path.GetFileNameWithoutExtension(file);
            for (var t = 0; t < steps; t++)
            {
                yield return new TestCaseData(file, t).SetArgDisplayNames(name, "t" + t.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool HasFormat(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString() == Format;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
