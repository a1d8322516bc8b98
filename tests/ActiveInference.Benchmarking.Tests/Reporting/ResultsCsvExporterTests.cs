using System.Text;
using ActiveInference.Benchmarking.Reporting;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Reporting;

public class ResultsCsvExporterTests
{
    [TestCase("plain", "plain")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("two\nlines", "\"two\nlines\"")]
    [TestCase("cr\rhere", "\"cr\rhere\"")]
    [TestCase("", "")]
    public void FieldsAreQuotedAsRFC4180Requires(string field, string expected)
    {
        Assert.That(ResultsCsvExporter.Quote(field), Is.EqualTo(expected));
    }

    [Test]
    public void SeedColumnsComeFirst()
    {
        var csv = new ResultsCsvExporter().ExportToString(SampleRun.Create());
        Assert.That(csv, Does.StartWith("name,mean_time_ms,std_dev_ms,min_time_ms,max_time_ms,iterations,full_name,"));
    }

    [Test]
    public void EveryRecordHasAsManyFieldsAsTheHeaderEvenWithAwkwardNames()
    {
        var report = SampleRun.Create(
            SampleRun.Result("S.A(\"x,y\")", "A(\"x,y\")", "S", 10),
            SampleRun.Result("S.B(\"line\r\nbreak\")", "B(\"line\r\nbreak\")", "S", 20));

        var records = Parse(new ResultsCsvExporter().ExportToString(report));

        Assert.That(records, Has.Count.EqualTo(3));
        Assert.That(records.Select(r => r.Count).Distinct().Single(), Is.EqualTo(records[0].Count));
        Assert.That(records[1][0], Is.EqualTo("A(\"x,y\")"));
        Assert.That(records[2][0], Is.EqualTo("B(\"line\r\nbreak\")"));
    }

    [Test]
    public void EachRecordSaysHowItsVerdictWasMeasured()
    {
        var records = Parse(new ResultsCsvExporter().ExportToString(SampleRun.Create()));
        var header = records[0];
        string Field(string name, string column) => records.Single(r => r[0] == name)[header.IndexOf(column)];

        Assert.Multiple(() =>
        {
            Assert.That(Field("Update(1000)", "method"), Is.EqualTo("paired"));
            Assert.That(Field("Update(1000)", "baseline"), Is.EqualTo("commit 1b56a1b"));
            Assert.That(Field("Update(1000)", "baseline_commit"), Is.EqualTo(SampleRun.PairedCommit));
            Assert.That(Field("Update(1000)", "processes"), Is.EqualTo("3"));
            Assert.That(Field("Update(1000)", "copies_per_side"), Is.EqualTo("4"));
            Assert.That(Field("Update(1000)", "noise_floor"), Is.EqualTo("0.021"));
            Assert.That(Field("Update(1000)", "ratio"), Is.EqualTo("1.234"));
            Assert.That(Field("Update(1000)", "ratio_ci_lower"), Is.EqualTo("1.18"));
            Assert.That(Field("Update(1000)", "ratio_ci_upper"), Is.EqualTo("1.29"));
            Assert.That(Field("Update(1000)", "ratio_ci_level"), Is.EqualTo("0.997"));
            Assert.That(Field("Update(1000)", "baseline_raw_median_ns"), Is.EqualTo("1225000"));
            Assert.That(Field("Update(1000)", "current_raw_median_ns"), Is.EqualTo("1512345.6"));
            Assert.That(Field("FreeEnergy(10)", "method"), Is.EqualTo("recorded"));
            Assert.That(Field("FreeEnergy(10)", "baseline"), Is.EqualTo("the recorded numbers of 2025-02-27"));
            Assert.That(Field("FreeEnergy(10)", "copies_per_side"), Is.EqualTo("0"));
            Assert.That(Field("FreeEnergy(\"a|b`*_<x>\",\n2)", "method"), Is.Empty, "no gate ran");
            Assert.That(Field("FreeEnergy(\"a|b`*_<x>\",\n2)", "processes"), Is.Empty);
        });
    }

    [Test]
    public void RecordsEndWithCRLF()
    {
        var csv = new ResultsCsvExporter().ExportToString(SampleRun.Create(SampleRun.Result("S.A", "A", "S", 10), SampleRun.Result("S.B", "B", "S", 20)));
        Assert.That(csv.Split("\r\n"), Has.Length.EqualTo(4), "header, two records, and the empty rest after the last CRLF");
        Assert.That(csv.Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain("\r").And.Not.Contain("\n"));
    }

    /// <summary>A strict RFC 4180 reader, enough to check what the exporter writes.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
                i++;
            }
            else { field.Append(c); }
        }

        return records;
    }
}
