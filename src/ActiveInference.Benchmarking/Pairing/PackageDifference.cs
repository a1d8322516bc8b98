namespace ActiveInference.Benchmarking.Pairing;

/// <summary>A NuGet package that is not the same in the baseline's and the current build (read from their deps.json).</summary>
/// <param name="Name">The package id as deps.json spells it, e.g. <c>MathNet.Numerics</c>.</param>
/// <param name="BaselineVersion">Its version in the baseline's build; null when only the current build has it.</param>
/// <param name="CurrentVersion">Its version in the current build; null when only the baseline has it.</param>
/// <param name="HasNativeAssets">True when either side lists native assets for it (their code is not IL, so nothing can
/// be told from reading it).</param>
/// <param name="IsHarness">True for what both sides share and nothing measures: the test framework, the test host and
/// this framework.</param>
internal sealed record PackageDifference(string Name, string? BaselineVersion, string? CurrentVersion, bool HasNativeAssets, bool IsHarness)
{
    /// <summary>True when both sides have the same version whose runtime files differ in content.</summary>
    public bool IsContentOnly => BaselineVersion is not null && BaselineVersion == CurrentVersion;

    /// <summary>A few words for messages, e.g. <c>Foo 1.0.0 → 1.1.0</c> or <c>Bar (content)</c>.</summary>
    public string Describe() => (BaselineVersion, CurrentVersion) switch
    {
        (null, var current) => $"{Name} (only in the current build, {current})",
        (var baseline, null) => $"{Name} (only in the baseline, {baseline})",
        var (baseline, current) when baseline == current => $"{Name} (content)",
        var (baseline, current) => $"{Name} {baseline} → {current}",
    };
}
