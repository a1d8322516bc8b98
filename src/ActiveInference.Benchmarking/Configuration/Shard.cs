using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ActiveInference.Benchmarking.Configuration;

/// <summary>
/// One share of the benchmarks when the suite is split across CI jobs: shard <see cref="Index"/> of <see cref="Count"/> (1-based, written <c>I/N</c>,
/// e.g. <c>2/3</c>). A benchmark belongs to exactly one shard, chosen by a stable hash of its full name, so every job agrees without talking to the
/// others and adding a benchmark never moves the others.
/// </summary>
/// <remarks>
/// The hash is the first eight bytes (big-endian) of SHA-256 over the UTF-8 full name, taken modulo
/// <see cref="Count"/>. <see cref="string.GetHashCode()"/> is not used: it changes from process to process.
/// </remarks>
/// <param name="Index">This shard, 1 to <see cref="Count"/>.</param>
/// <param name="Count">Number of shards, at least 1.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>Largest number of shards accepted (a sanity bound, far above any CI matrix).</summary>
    public const int MaxCount = 1000;

    /// <summary>The 0-based bucket of <paramref name="fullName"/> among <paramref name="count"/> shards.</summary>
    public static int Bucket(string fullName, int count)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(fullName), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>True when the benchmark named <paramref name="fullName"/> belongs to this shard.</summary>
    public bool Contains(string fullName) => Bucket(fullName, Count) == Index - 1;

    /// <summary>Parses <c>I/N</c> (invariant digits, 1 ≤ I ≤ N ≤ <see cref="MaxCount"/>); on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Shard? shard, [NotNullWhen(false)] out string? problem)
    {
        shard = null;
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"shard must be I/N with whole numbers, e.g. 1/3, found '{text}'";
            return false;
        }
        if (count < 1 || count > MaxCount || index < 1 || index > count)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"shard {index}/{count}: needs 1 ≤ I ≤ N ≤ {MaxCount} (shards are numbered from 1)");
            return false;
        }
        shard = new Shard(index, count);
        problem = null;
        return true;
    }

    /// <summary><c>I/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
