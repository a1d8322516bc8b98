using ActiveInference.Benchmarking.Baselines;

namespace ActiveInference.Benchmarking.Tests.Gate;

/// <summary>The machine profiles of the gate's tests: this machine and one the baselines could have been recorded on instead.</summary>
internal static class GateSamples
{
    public static readonly MachineProfile Here = new("Test CPU", 2, "Linux", "10.0.0", "1", "engine");
    public static readonly MachineProfile Other = new("Other CPU", 8, "Windows", "10.0.0", "1", "engine");
}
