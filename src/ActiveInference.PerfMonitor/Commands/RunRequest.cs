using ActiveInference.Benchmarking.Configuration;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>What <c>run</c> was asked to do, with paths still as given (resolved by <see cref="RunCommand"/>).</summary>
/// <param name="Threshold">Threshold override (fraction), or null for the configured one.</param>
/// <param name="Filter">A vstest filter expression narrowing the benchmarks, or null.</param>
/// <param name="UpdateBaseline">True to record baselines (mode record) instead of gating.</param>
/// <param name="Output">Where to copy the markdown report.</param>
/// <param name="Project">Test project or solution to run, or null for the default.</param>
/// <param name="Shard">The share of benchmarks to run, or null for all.</param>
/// <param name="ResultsDirectory">Results directory, or null for the configured default.</param>
/// <param name="NoBuild">Pass <c>--no-build</c> to dotnet test.</param>
/// <param name="BaselineRef">The baseline's code for the paired gate (a git commit-ish, or a folder holding a prebuilt
/// baseline, made a full path), or null for the configured one.</param>
internal sealed record RunRequest(
    double? Threshold = null,
    string? Filter = null,
    bool UpdateBaseline = false,
    string Output = "performance_report.md",
    string? Project = null,
    Shard? Shard = null,
    string? ResultsDirectory = null,
    bool NoBuild = false,
    string? BaselineRef = null);
