namespace ActiveInference.Benchmarking.Engine;

/// <summary>The engine settings that change measured numbers (reference workload, tiered PGO, GC mode); part of the machine profile.</summary>
internal static class EngineFingerprint
{
    /// <summary>E.g. <c>reference=quadratic-form-32-fastest-copy;tieredPGO=default;gc=workstation</c>.</summary>
    public static string Current =>
        $"reference={QuadraticFormReference.ReferenceName};tieredPGO={(AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var pgo) ? pgo : "default")};gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";
}
