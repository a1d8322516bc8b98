using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>The JSON form of requests and results passed between the gate and its paired child processes.</summary>
internal static class PairedJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
