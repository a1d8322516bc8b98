using System.Buffers.Binary;
using System.Xml.Linq;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

/// <summary>Checks that bytes are a PNG or SVG image of a given size, and reads an SVG's texts and shapes.</summary>
internal static class ImageAssert
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void IsPng(byte[] bytes, int width, int height)
    {
        Assert.That(bytes.Length, Is.GreaterThan(33), "too short for a PNG");
        Assert.That(bytes[..8], Is.EqualTo(PngSignature), "PNG signature");
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 12, 4), Is.EqualTo("IHDR"), "first chunk is IHDR");
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.EqualTo(width), "IHDR width");
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), Is.EqualTo(height), "IHDR height");
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4), Is.EqualTo("IEND"), "ends with IEND");
    }

    public static XDocument IsSvg(byte[] bytes, int width, int height)
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var root = document.Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("svg"));
        Assert.That(root.Attribute("width")?.Value, Is.EqualTo(width.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(root.Attribute("height")?.Value, Is.EqualTo(height.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return document;
    }

    public static string[] Texts(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();

    public static int Count(XDocument svg, string element) =>
        svg.Descendants().Count(e => e.Name.LocalName == element);
}
