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
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return Read(document.RootElement.GetProperty("model"));
    }

    /// <summary>Reads a <c>model</c> JSON object.</summary>
    /// <exception cref="ArgumentException">The JSON is not a valid model (a missing field, a wrong shape, bad probabilities).</exception>
    public static GenerativeModel Read(JsonElement model)
    {
        try
        {
            int[] numStates = Ints(model.GetProperty("num_states"));
            int[] numObs = Ints(model.GetProperty("num_obs"));
            int[] numControls = Ints(model.GetProperty("num_controls"));
            double[][] a = model.GetProperty("A").EnumerateArray().Select(Flatten).ToArray();
            double[][] b = model.GetProperty("B").EnumerateArray().Select(Flatten).ToArray();
            double[][] c = model.GetProperty("C").EnumerateArray().Select(Flatten).ToArray();
            double[][] d = model.GetProperty("D").EnumerateArray().Select(Flatten).ToArray();
            double[]? e = model.TryGetProperty("E", out JsonElement eElement) && eElement.ValueKind == JsonValueKind.Array
                ? Flatten(eElement)
                : null;
            var policies = new List<int[,]>();
            foreach (JsonElement policy in model.GetProperty("policies").EnumerateArray())
            {
                int[][] rows = policy.EnumerateArray().Select(Ints).ToArray();
                var p = new int[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
                for (int t = 0; t < rows.Length; t++)
                {
                    for (int f = 0; f < rows[t].Length; f++)
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
            foreach (JsonElement item in element.EnumerateArray())
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
