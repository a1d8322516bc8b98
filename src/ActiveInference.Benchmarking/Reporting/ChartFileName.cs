using System.Security.Cryptography;
using System.Text;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Chart file names safe on every file system: the sanitised name (at most 80 characters) plus 8 hex digits of its SHA-256.</summary>
internal static class ChartFileName
{
    private const int MaxReadableLength = 80;

    /// <summary>E.g. <c>distribution-FreeEnergy.FreeEnergy_100_-1a2b3c4d.png</c> for kind <c>distribution</c>.</summary>
    /// <param name="kind">What the chart shows (<c>distribution</c>, <c>trend</c>); letters, digits and '-' only.</param>
    /// <param name="fullName">The benchmark's full name.</param>
    /// <param name="format">The image format (gives the extension).</param>
    public static string For(string kind, string fullName, ChartFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(fullName);
        if (!kind.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Chart kind '{kind}' may hold only ASCII letters, digits and '-'.", nameof(kind));
        }

        var readable = new StringBuilder(Math.Min(fullName.Length, MaxReadableLength));
        foreach (var c in fullName)
        {
            if (readable.Length == MaxReadableLength)
            {
                break;
            }

            var safe = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_';
            if (!(safe == '_' && readable.Length > 0 && readable[^1] == '_'))
            {
                readable.Append(safe);
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullName)))[..8];
        var extension = format == ChartFormat.Png ? "png" : "svg";
        return $"{kind}-{readable.ToString().Trim('.')}-{hash}.{extension}";
    }
}
