using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class MarkdownTextTests
{
    [TestCase("FreeEnergy(100)", "FreeEnergy(100)")]
    [TestCase("a|b", "a\\|b")]
    [TestCase("`x`", "\\`x\\`")]
    [TestCase("*x* _y_", "\\*x\\* \\_y\\_")]
    [TestCase("[a](b)", "\\[a\\](b)")]
    [TestCase("<b>&amp;", "&lt;b&gt;&amp;amp;")]
    [TestCase("one\ntwo\r\nthree", "one two  three")]
    [TestCase("c:\\path", "c:\\\\path")]
    [TestCase("~s~ $m$", "\\~s\\~ \\$m\\$")]
    [TestCase("bell\u0007", "bell")]
    public void EscapesMarkup(string text, string expected)
    {
        Assert.That(MarkdownText.Escape(text), Is.EqualTo(expected));
    }
}
