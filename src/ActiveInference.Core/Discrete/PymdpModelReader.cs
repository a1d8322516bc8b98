using System.Text.Json;

namespace ActiveInference.Core.Discrete;

/// <summary>
/// Reads the <c>model</c> object of a pymdp reference file (format <c>pymdp-oracle-reference/1</c>:
/// num_states, num_obs, num_controls, A, B, C, D, E, policies as nested row-major lists) into a
/// <see cref="GenerativeModel"/>.
/// </summary>
public static class PymdpModelReader
{
    /// <summary>Reads the model of the reference file at <paramref name="path"/>.</summary>
    public static GenerativeModel ReadFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return Read(document.RootElement.GetProperty("model"));
    }

    /// <summary>Reads a <c>model</c> JSON object.</summary>
    /// <exception cref="ArgumentException">The JSON is not a valid model (a missing field, a wrong shape, bad probabilities).</exception>
    public static GenerativeModel Read(JsonElement model)
    {
        try
        {
            var numStates = Ints(model.GetProperty("num_states"));
            var numObs = Ints(model.GetProperty("num_obs"));
            var numControls = Ints(model.GetProperty("num_controls"));
            var a = model.GetProperty("A").EnumerateArray().Select(Flatten).ToArray();
            var b = model.GetProperty("B").EnumerateArray().Select(Flatten).ToArray();
            var c = model.GetProperty("C").EnumerateArray().Select(Flatten).ToArray();
            var d = model.GetProperty("D").EnumerateArray().Select(Flatten).ToArray();
            var e = model.TryGetProperty("E", out var eElement) && eElement.ValueKind == JsonValueKind.Array
                ? Flatten(eElement)
                : null;
            var policies = new List<int[,]>();
            foreach (var policy in model.GetProperty("policies").EnumerateArray())
            {
                var rows = policy.EnumerateArray().Select(Ints).ToArray();
                var p = new int[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
                for (var t = 0; t < rows.Length; t++)
                {
                    for (var f = 0; f < rows[t].Length; f++)
                    {
                        p[t, f] = rows[t][f];
                    }
                }

                policies.Add(p);
            }

            return new GenerativeModel(numStates, numObs, numControls, a, b, c, d, e, policies);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new ArgumentException("Not a pymdp reference model: " + ex.Message, nameof(model), ex);
        }
    }

    /// <summary>Flattens nested JSON number arrays in row-major order.</summary>
    public static double[] Flatten(JsonElement element)
    {
        var values = new List<double>();
        Append(element, values);
        return values.ToArray();
    }

    private static void Append(JsonElement element, List<double> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Append(item, values);
            }
        }
        else
        {
            values.Add(element.GetDouble());
        }
    }

    private static int[] Ints(JsonElement element) => element.EnumerateArray().Select(x => x.GetInt32()).ToArray();
}
