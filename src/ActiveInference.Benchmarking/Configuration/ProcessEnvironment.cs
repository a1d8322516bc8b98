using System.Collections;

namespace ActiveInference.Benchmarking.Configuration;

/// <summary>
/// The process's environment variables as a dictionary (name → value, ordinal names): the one copy the options loader
/// and the monitor read.
/// </summary>
internal static class ProcessEnvironment
{
    /// <summary>The variables set in this process now.</summary>
    public static IReadOnlyDictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            if (entry.Value is string value)
                variables[(string)entry.Key] = value;
        return variables;
    }
}
