namespace ActiveInference.PerfMonitor.Commands;

/// <summary>Writes a plain-text table: columns padded to their widest cell, two spaces apart.</summary>
internal static class TextTable
{
    /// <summary>Writes <paramref name="headers"/>, a rule and <paramref name="rows"/>; the columns in <paramref name="rightAligned"/> are right-aligned.</summary>
    public static void Write(TextWriter output, string[] headers, IReadOnlyList<string[]> rows, int[] rightAligned)
    {
        var widths = headers.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
            Line(row);

        void Line(string[] cells) => output.WriteLine(string.Join("  ",
            cells.Select((cell, c) => rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
    }
}
