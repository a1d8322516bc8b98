using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>The baseline's code for this run: a loadable build output folder, or why there is none.</summary>
/// <param name="Directory">Full path of the baseline's build output (holding the perf test assembly), or null.</param>
/// <param name="Commit">The baseline commit's full hash; null for a prebuilt folder or when there is no baseline code.</param>
/// <param name="Description">How messages name the baseline, e.g. <c>commit 1b56a1b</c> or <c>the build in /cache/base</c>.</param>
/// <param name="Reason">Why there is no baseline code, or null: the gate then falls back to the recorded numbers,
/// unless <see cref="IsConfigurationError"/> or <see cref="IsBuildFailure"/>.</param>
internal sealed record BaselineCode(string? Directory, string? Commit, string Description, string? Reason)
{
    /// <summary>True when a paired measurement can be made.</summary>
    public bool IsAvailable => Directory is not null;

    /// <summary>Baseline code in <paramref name="directory"/>.</summary>
    public static BaselineCode At(string directory, string? commit, string description) => new(directory, commit, description, null);

    /// <summary>No baseline code, for <paramref name="reason"/>.</summary>
    public static BaselineCode None(string reason, string? commit = null) =>
        new(null, commit, commit is null ? "no baseline code" : $"commit {Git.Short(commit)}", reason);

    /// <summary>
    /// True when <see cref="Reason"/> is a mistake in the settings (a <c>baselineRef</c> that names nothing): every
    /// benchmark fails with it instead of falling back.
    /// </summary>
    public bool IsConfigurationError { get; init; }

    /// <summary>
    /// True when the baseline commit was found but could not be built: every benchmark ends Inconclusive with <see
    /// cref="Reason"/> instead of falling back to recorded numbers.
    /// </summary>
    public bool IsBuildFailure { get; init; }

    /// <summary>The baseline commit's code does not build, for <paramref name="reason"/>.</summary>
    public static BaselineCode Unbuildable(string reason, string? commit) => None(reason, commit) with { IsBuildFailure = true };

    /// <summary>A <c>baselineRef</c> that cannot be used: every benchmark fails with <paramref name="reason"/>.</summary>
    public static BaselineCode Invalid(string reason) => new(null, null, "no baseline code", reason) { IsConfigurationError = true };

}
