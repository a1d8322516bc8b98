namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// The engine's settings that change the numbers it measures in this process: the reference workload timed beside every
/// sample, tiered PGO and the GC mode. Part of the machine profile, so numbers measured under other settings are
/// never compared with these.
/// </summary>
internal static class EngineFingerprint
{
    /// <summary>E.g. <c>reference=quadratic-form-32-fastest-copy;tieredPGO=default;gc=workstation</c>.</summary>
    public static string Current =>
        $"reference={QuadraticFormReference.ReferenceName};tieredPGO={(AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var pgo) ? pgo : "default")};gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";
}
