namespace ActiveInference.Benchmarking.Baselines;

/// <summary>One machine profile's part of <c>baselines.json</c>: the profile and each benchmark's recordings.</summary>
/// <param name="Profile">The machine profile (its <see cref="MachineProfile.Id"/> is the key in the file).</param>
/// <param name="Benchmarks">Recordings per benchmark full name, oldest first; sorted by ordinal name.</param>
internal sealed record ProfileBaselines(MachineProfile Profile, IReadOnlyDictionary<string, IReadOnlyList<Recording>> Benchmarks)
{
    /// <summary>The baseline of <paramref name="fullName"/> on this profile, or null when it has no recording.</summary>
    public Baseline? Find(string fullName) =>
        Benchmarks.TryGetValue(fullName, out var recordings) && recordings.Count > 0
            ? new Baseline(fullName, Profile, recordings)
            : null;
}
