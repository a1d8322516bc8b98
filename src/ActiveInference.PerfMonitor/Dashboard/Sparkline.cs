using System.Globalization;
using System.Text;

namespace ActiveInference.PerfMonitor.Dashboard;

/// <summary>A small inline SVG of a series (no script needed), drawn on a log scale so +20% and −20% look alike.</summary>
internal static class Sparkline
{
    /// <summary>An SVG of <paramref name="ratios"/> (all positive), <paramref name="width"/> × <paramref name="height"/> pixels, with a line at 1.</summary>
    public static string Svg(IReadOnlyList<double> ratios, int width = 120, int height = 24)
    {
        var logs = ratios.Select(r => Math.Log(r)).ToArray();
        var low = Math.Min(logs.DefaultIfEmpty(0).Min(), 0);
        var high = Math.Max(logs.DefaultIfEmpty(0).Max(), 0);
        var span = Math.Max(high - low, 1e-9);
        double X(int i) => logs.Length < 2 ? width / 2.0 : 1 + i * (width - 2.0) / (logs.Length - 1);
        double Y(double v) => height - 2 - (v - low) / span * (height - 4);
        var points = new StringBuilder();
        for (var i = 0; i < logs.Length; i++)
            points.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : " ")}{X(i):0.#},{Y(logs[i]):0.#}");
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{logs.Length} runs\">"
            + $"<line x1=\"0\" x2=\"{width}\" y1=\"{Y(0):0.#}\" y2=\"{Y(0):0.#}\" stroke=\"#bbb\" stroke-dasharray=\"2 2\"/>"
            + $"<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\" points=\"{points}\"/></svg>");
    }
}
