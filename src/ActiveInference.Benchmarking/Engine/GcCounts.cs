namespace ActiveInference.Benchmarking.Engine;

/// <summary>Garbage collections counted per generation over some span of work.</summary>
/// <param name="Gen0">Generation-0 collections.</param>
/// <param name="Gen1">Generation-1 collections.</param>
/// <param name="Gen2">Generation-2 (full) collections.</param>
public readonly record struct GcCounts(int Gen0, int Gen1, int Gen2)
{
    /// <summary>No collections.</summary>
    internal static GcCounts Zero => default;

    /// <summary>The collections counted by the runtime since the process started.</summary>
    internal static GcCounts Current() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>Adds two counts generation by generation.</summary>
    public static GcCounts operator +(GcCounts a, GcCounts b) => new(a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2);

    /// <summary>Subtracts two counts generation by generation (later minus earlier).</summary>
    public static GcCounts operator -(GcCounts a, GcCounts b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);
}
