using System.Collections.Immutable;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>The content of <c>baselines.json</c>: recordings by machine profile, then by benchmark full name.</summary>
/// <param name="SchemaVersion">Version of the file format; this framework writes <see cref="CurrentSchemaVersion"/> (and reads 1, whose
/// samples were inline, as a document of the current version).</param>
/// <param name="Profiles">Profiles by id, sorted by ordinal id.</param>
internal sealed record BaselineDocument(int SchemaVersion, IReadOnlyDictionary<string, ProfileBaselines> Profiles)
{
    /// <summary>The schema version this framework writes: summaries in <c>baselines.json</c>, raw samples in its samples file.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>A document with no profiles.</summary>
    public static BaselineDocument Empty { get; } =
        new(CurrentSchemaVersion, ImmutableSortedDictionary.Create<string, ProfileBaselines>(StringComparer.Ordinal));

    /// <summary>The baseline of <paramref name="fullName"/> on profile <paramref name="profileId"/>, or null when there is none.</summary>
    public Baseline? Find(string profileId, string fullName) =>
        Profiles.TryGetValue(profileId, out var profile) ? profile.Find(fullName) : null;

    /// <summary>Baselines of <paramref name="fullName"/> on every profile except <paramref name="profileId"/>.</summary>
    public IReadOnlyList<Baseline> FindOnOtherProfiles(string profileId, string fullName) =>
        Profiles.Values
            .Where(p => !string.Equals(p.Profile.Id, profileId, StringComparison.Ordinal))
            .Select(p => p.Find(fullName))
            .OfType<Baseline>()
            .ToArray();
}
