using ScottPlot;
using ActiveInference.Benchmarking.IO;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Encodes a ScottPlot <see cref="Plot"/> as PNG or SVG bytes, and keeps chart text on one line.</summary>
internal static class ChartImage
{
    /// <summary>Largest width or height accepted, in pixels: larger requests are mistakes, not charts.</summary>
    public const int MaxPixels = 10_000;

    public static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxPixels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxPixels);
    }

    public static byte[] Encode(Plot plot, ChartFormat format, int width, int height) => format switch
    {
        ChartFormat.Png => plot.GetImageBytes(width, height, ImageFormat.Png),
        ChartFormat.Svg => AtomicFile.Utf8.GetBytes(plot.GetSvgXml(width, height)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown chart format."),
    };

    /// <summary>Chart titles and labels: control characters (line breaks) become spaces.</summary>
    public static string Label(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
}
