using System.Text;

namespace ActiveInference.Benchmarking.Reporting;

/// <summary>Makes arbitrary text safe inside markdown inline text and table cells (punctuation escaped, no HTML, no line breaks).</summary>
internal static class MarkdownText
{
    // Punctuation that can open or close markup mid-line (GitHub adds ~ and $); escaped text never starts a line.
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
