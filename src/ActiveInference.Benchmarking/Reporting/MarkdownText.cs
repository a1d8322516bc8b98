using System.Text;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>
/// Makes arbitrary text (a benchmark name, a message) safe inside markdown inline text and table cells: markdown
/// punctuation is backslash-escaped, <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> become entities (no HTML, no
/// autolinks), pipes cannot split a table cell, and line breaks become spaces so a row stays one row.
/// </summary>
internal static class MarkdownText
{
    // CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can open or close markup
    // in the middle of a line (GitHub adds ~ for strike-through and $ for math). Line-start markup (#, -, 1.) cannot
    // arise: escaped text is never placed at the start of a line.
    private const string Escaped = "\\`*_[]|~$";

    /// <summary>Escapes <paramref name="text"/> for use inside a paragraph, list item or table cell.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\r':
                case '\n':
                case '\t':
                    builder.Append(' ');
                    break;
                case var _ when char.IsControl(c):
                    break;
                case var _ when Escaped.Contains(c):
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
