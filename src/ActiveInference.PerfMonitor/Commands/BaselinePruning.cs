using ActiveInference.Benchmarking.Baselines;

namespace ActiveInference.PerfMonitor.Commands;

/// <summary>The pure change behind <c>baseline prune</c>: drop whole profiles, keep the newest N recordings per benchmark.</summary>
/// <param name="Keep">Recordings kept per benchmark (newest by recording time), or null to keep all.</param>
/// <param name="Profile">Only trim this profile, or null for every profile.</param>
/// <param name="DropProfiles">Profiles to remove entirely.</param>
internal sealed record BaselinePruning(int? Keep, string? Profile, IReadOnlyList<string> DropProfiles)
{
    /// <summary>Checks the profiles named exist in <paramref name="document"/>.</summary>
    /// <exception cref="MonitorException">A named profile is not in the file.</exception>
    public void Check(BaselineDocument document, string path)
    {
        foreach (var id in DropProfiles.Append(Profile).OfType<string>())
            if (!document.Profiles.ContainsKey(id))
                throw new MonitorException($"{path}: no profile '{id}' (profiles: {string.Join(", ", document.Profiles.Keys)})");
    }

    /// <summary><paramref name="document"/> pruned.</summary>
    public BaselineDocument Apply(BaselineDocument document)
    {
        var profiles = new SortedDictionary<string, ProfileBaselines>(StringComparer.Ordinal);
        foreach (var (id, profile) in document.Profiles)
        {
            if (DropProfiles.Contains(id, StringComparer.Ordinal))
                continue;
            if (Keep is not { } keep || (Profile is not null && Profile != id))
            {
                profiles[id] = profile;
                continue;
            }
            var benchmarks = new SortedDictionary<string, IReadOnlyList<Recording>>(StringComparer.Ordinal);
            foreach (var (name, recordings) in profile.Benchmarks)
                benchmarks[name] = recordings.OrderBy(r => r.RecordedAt).TakeLast(keep).ToArray();
            profiles[id] = profile with { Benchmarks = benchmarks };
        }
        return document with { Profiles = profiles };
    }
}
