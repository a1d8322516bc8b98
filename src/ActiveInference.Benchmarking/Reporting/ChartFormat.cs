namespace ActiveInference.Benchmarking.Reporting;

/// <summary>The image format of a chart.</summary>
internal enum ChartFormat
{
    /// <summary>PNG raster image (rendered by SkiaSharp).</summary>
    Png,
    /// <summary>SVG vector image (XML; text stays searchable).</summary>
    Svg,
}
