using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using ActiveInference.Benchmarking.Formatting;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.IO;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.PerfMonitor.Commands;

namespace ActiveInference.PerfMonitor.Dashboard;

/// <summary>
/// The static dashboard of a history folder: <c>index.html</c> (every benchmark: latest ratio to its anchor, a sparkline,
/// the last step, a filter box), one page per benchmark under <c>b/</c> (the anchored series with its interval and steps,
/// raw medians apart), <c>regressions.html</c> and the Atom feed <c>alerts.atom</c>. Works from file:// with no network.
/// </summary>
internal sealed class DashboardSite(IReadOnlyList<AnchoredSeries> series, HistoryFolderContents contents, CommitLinks links)
{
    /// <summary>The feed's file name.</summary>
    public const string Feed = "alerts.atom";

    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: middle; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        nav a { margin-right: 1.2em; }
        .regression { color: #b03020; } .improvement { color: #207030; }
        .problems { color: #8a5a00; } .muted { color: #777; }
        #point { min-height: 1.5em; font-variant-numeric: tabular-nums; }
        input#filter { padding: 4px 8px; width: 24em; }
        td code { overflow-wrap: anywhere; } td:has(> code) { max-width: 40em; }
        """;

    /// <summary>Writes the site into <paramref name="output"/> (created when missing); returns the files written, relative to it.</summary>
    public IReadOnlyList<string> Write(string output)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [DashboardAssets.Script] = DashboardAssets.Read(DashboardAssets.Script),
            [DashboardAssets.StyleSheet] = DashboardAssets.Read(DashboardAssets.StyleSheet),
            ["index.html"] = Utf8(Index()),
            ["regressions.html"] = Utf8(Regressions()),
            [Feed] = Utf8(AtomFeed()),
        };
        foreach (var s in series)
            files[PagePath(s.FullName)] = Utf8(BenchmarkPage(s));
        foreach (var (name, bytes) in files)
            AtomicFile.WriteBytes(Path.Combine(output, name), bytes);
        return [.. files.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The page of <paramref name="fullName"/>, relative to the site: <c>b/&lt;sanitised name&gt;-&lt;hash&gt;.html</c>.</summary>
    public static string PagePath(string fullName) => "b/" + Path.ChangeExtension(ChartFileName.For("benchmark", fullName, ChartFormat.Svg), ".html");

    /// <summary>Every regression step of every series, newest first: what the regressions page and the feed list.</summary>
    public IReadOnlyList<(AnchoredSeries Series, Step Step)> Alerts() =>
        series.SelectMany(s => s.Steps.Where(step => step.IsRegression(s.Threshold)).Select(step => (s, step)))
            .OrderByDescending(a => a.s.Points[a.step.Index].Date).ThenBy(a => a.s.FullName, StringComparer.Ordinal).ToArray();

    private string Index()
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>Performance over time</h1><p>{contents.Runs.Count} run(s) on the main branch. Each value is a benchmark's time ÷ its first anchor's, measured beside it (1.000 = as fast as that commit); lower is faster.</p>");
        Problems(body, contents.Problems.Concat(series.SelectMany(s => s.Problems)));
        body.Append("<p><label>Filter <input id=\"filter\" type=\"search\" placeholder=\"part of a benchmark name\" autofocus></label></p>");
        body.Append("<table id=\"benchmarks\"><thead><tr><th>Benchmark</th><th>Latest ratio [interval]</th><th>Runs</th><th>Series</th><th>Last step</th></tr></thead><tbody>");
        foreach (var s in series)
        {
            var last = s.Points[^1];
            var step = s.Steps.Count == 0 ? "<span class=\"muted\">none</span>" : StepHtml(s, s.Steps[^1]);
            body.Append(CultureInfo.InvariantCulture,
                $"<tr data-name=\"{Html(s.FullName)}\"><td><a href=\"{Html(PagePath(s.FullName))}\">{Html(s.FullName)}</a></td><td class=\"num\">{RatioText(last)}</td><td class=\"num\">{s.Points.Count}</td><td>{Sparkline.Svg(s.Points.Select(p => p.Ratio).ToArray())}</td><td>{step}</td></tr>");
        }

        body.Append("</tbody></table>");
        const string filter = """
            <script>
            document.getElementById('filter').addEventListener('input', function (e) {
              var q = e.target.value.toLowerCase();
              document.querySelectorAll('#benchmarks tbody tr').forEach(function (row) { row.hidden = row.dataset.name.toLowerCase().indexOf(q) < 0; });
            });
            </script>
            """;
        return Page("Performance over time", "", body.ToString(), filter);
    }

    private string Regressions()
    {
        var body = new StringBuilder("<h1>Regressions</h1><p>Steps of the anchored series of at least the threshold, slower, newest first; each names its commit range (last good..first bad) and the command that bisects it.</p>");
        var alerts = Alerts();
        if (alerts.Count == 0)
        {
            body.Append("<p id=\"none\">No regression step in the history.</p>");
            return Page("Regressions", "", body.ToString(), "");
        }

        body.Append("<table id=\"regressions\"><thead><tr><th>Benchmark</th><th>Commit range</th><th>Factor</th><th>Date (UTC)</th><th>Bisect</th></tr></thead><tbody>");
        foreach (var (s, step) in alerts)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"alert\"><td><a href=\"{Html(PagePath(s.FullName))}\">{Html(s.FullName)}</a></td><td>{links.Html(step.LastBefore)}..{links.Html(step.FirstAfter)}</td><td class=\"num regression\">{Factor(step)}</td><td>{Date(s.Points[step.Index].Date)}</td><td><code>{Html(step.BisectCommand(s.FullName))}</code></td></tr>");
        }

        body.Append("</tbody></table>");
        return Page("Regressions", "", body.ToString(), "");
    }

    private string BenchmarkPage(AnchoredSeries s)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html(s.FullName)}</h1><p>Time ÷ the time of anchor {links.Html(s.Anchor)}, measured beside it in the same processes (1.000 = as fast as that commit; lower is faster), with its interval; dashed red lines mark steps of {Readable.Percent(s.Threshold)} or more.</p>");
        Problems(body, s.Problems);
        body.Append("<div id=\"chart\"></div><div id=\"point\" class=\"muted\">Hover over the chart for a run's commit.</div>");
        body.Append(s.Steps.Count == 0
            ? "<h2>Steps</h2><p>None.</p>"
            : "<h2>Steps</h2><ul>" + string.Concat(s.Steps.Select(step => $"<li>{StepHtml(s, step)}{(step.IsRegression(s.Threshold) ? $" — bisect: <code>{Html(step.BisectCommand(s.FullName))}</code>" : "")}</li>")) + "</ul>");
        body.Append("<h2>Raw medians</h2><p>Raw time per operation of the anchor's and the run's code in each run: the machine's speed is in them, so they move with the runner; compare the two of one run, never two runs.</p><div id=\"raw-chart\"></div>");
        body.Append("<h2>Runs</h2><table id=\"runs\"><thead><tr><th>#</th><th>Date (UTC)</th><th>Commit</th><th>Ratio [interval]</th><th>Noise floor</th><th>Processes × copies</th><th>Verdict</th><th>Bytes/op</th><th>Raw median anchor (ns)</th><th>Raw median run (ns)</th></tr></thead><tbody>");
        for (var i = 0; i < s.Points.Count; i++)
        {
            var p = s.Points[i];
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"num\">{i + 1}</td><td>{Date(p.Date)}</td><td>{links.Html(p.Commit)}</td><td class=\"num\">{RatioText(p)}</td><td class=\"num\">{(p.NoiseFloor is { } f ? Readable.Spread(f) : "-")}</td>"
                + $"<td>{(p.Unchanged ? "unchanged code" : $"{p.Processes} × {p.CopiesPerSide}")}</td><td>{p.Verdict}</td><td class=\"num\">{Number(p.BytesPerOperation, "0.#")}</td><td class=\"num\">{Number(p.RawAnchorMedianNanoseconds, "0.###")}</td><td class=\"num\">{Number(p.RawCurrentMedianNanoseconds, "0.###")}</td></tr>");
        }

        body.Append("</tbody></table>");
        var data = JsonSerializer.Serialize(new
        {
            anchor = s.Anchor,
            commits = s.Points.Select(p => p.Commit).ToArray(),
            urls = s.Points.Select(p => links.Url(p.Commit)).ToArray(),
            dates = s.Points.Select(p => Date(p.Date)).ToArray(),
            ratio = s.Points.Select(p => p.Ratio).ToArray(),
            lower = s.Points.Select(p => p.Lower).ToArray(),
            upper = s.Points.Select(p => p.Upper).ToArray(),
            rawAnchor = s.Points.Select(p => p.RawAnchorMedianNanoseconds).ToArray(),
            raw = s.Points.Select(p => p.RawCurrentMedianNanoseconds).ToArray(),
            steps = s.Steps.Select(step => step.Index).ToArray(),
        });
        var script = $"<script src=\"../{DashboardAssets.Script}\"></script><script type=\"application/json\" id=\"series-data\">{data}</script><script>{ChartScript}</script>";
        return Page(s.FullName, "../", body.ToString(), script);
    }

    private const string ChartScript = """
        (function () {
          var d = JSON.parse(document.getElementById('series-data').textContent);
          var xs = d.ratio.map(function (_, i) { return i + 1; });
          function width(id) { return Math.max(320, document.getElementById(id).clientWidth); }
          function steps(u) {
            var ctx = u.ctx; ctx.save(); ctx.strokeStyle = '#c0392b'; ctx.setLineDash([6, 4]); ctx.lineWidth = 2;
            d.steps.forEach(function (i) {
              var x = u.valToPos(i + 0.5, 'x', true);
              ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
            });
            ctx.restore();
          }
          function show(u) {
            var i = u.cursor.idx, el = document.getElementById('point');
            if (i == null) return;
            var commit = d.commits[i].substring(0, 7), text = '#' + (i + 1) + '  ' + d.dates[i] + '  ratio ' + d.ratio[i].toFixed(3)
              + (d.lower[i] != null ? ' [' + d.lower[i].toFixed(3) + ', ' + d.upper[i].toFixed(3) + ']' : '') + '  commit ';
            el.textContent = text;
            var link = document.createElement(d.urls[i] ? 'a' : 'code');
            if (d.urls[i]) link.href = d.urls[i];
            link.textContent = commit; link.title = d.commits[i];
            el.appendChild(link);
          }
          var x = { label: 'run', values: function (u, vals) { return vals.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); } };
          window.perfCharts = [
            new uPlot({
              width: width('chart'), height: 320, scales: { x: { time: false } },
              axes: [x, { label: 'time ÷ anchor ' + d.anchor.substring(0, 7), size: 60, values: function (u, vals) { return vals.map(function (v) { return v.toFixed(3); }); } }],
              series: [{ label: 'run' }, { label: 'ratio', stroke: '#1f5fbf', width: 2, points: { show: true, size: 6 } },
                       { label: 'interval low', stroke: '#8fa8cf', dash: [3, 3], points: { show: false } }, { label: 'interval high', stroke: '#8fa8cf', dash: [3, 3], points: { show: false } }],
              bands: [{ series: [3, 2], fill: 'rgba(31, 95, 191, 0.12)' }],
              hooks: { draw: [steps], setCursor: [show] }
            }, [xs, d.ratio, d.lower, d.upper], document.getElementById('chart')),
            new uPlot({
              width: width('raw-chart'), height: 220, scales: { x: { time: false } },
              axes: [x, { label: 'raw median (ns/op)', size: 70 }],
              series: [{ label: 'run' }, { label: 'raw median, anchor', stroke: '#999', points: { show: true } }, { label: 'raw median, run', stroke: '#d08020', points: { show: true } }]
            }, [xs, d.rawAnchor, d.raw], document.getElementById('raw-chart'))
          ];
        })();
        """;

    private string AtomFeed()
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            var updated = contents.Runs.Count > 0 ? contents.Runs[^1].Run.Date : DateTimeOffset.UnixEpoch;
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("title", atom, "Performance regressions");
            xml.WriteElementString("id", atom, "urn:activeinference-perf:alerts");
            xml.WriteElementString("updated", atom, Iso(updated));
            xml.WriteStartElement("link", atom);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("href", "regressions.html");
            xml.WriteEndElement();
            foreach (var (s, step) in Alerts())
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, $"{s.FullName}: {Factor(step)} at {Git.Short(step.LastBefore)}..{Git.Short(step.FirstAfter)}");
                xml.WriteElementString("id", atom, $"urn:activeinference-perf:step:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s.FullName)))[..16]}:{step.FirstAfter}");
                xml.WriteElementString("updated", atom, Iso(s.Points[step.Index].Date));
                xml.WriteStartElement("author", atom);
                xml.WriteElementString("name", atom, "perfmonitor");
                xml.WriteEndElement();
                xml.WriteStartElement("link", atom);
                xml.WriteAttributeString("href", PagePath(s.FullName));
                xml.WriteEndElement();
                xml.WriteElementString("summary", atom,
                    string.Create(CultureInfo.InvariantCulture, $"{s.FullName} got {Factor(step)} slower (time ÷ anchor {step.Before:0.000} -> {step.After:0.000}) between {step.LastBefore} and {step.FirstAfter}. Bisect: {step.BisectCommand(s.FullName)}"));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    private static string Page(string title, string root, string body, string scripts) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="{root}{DashboardAssets.StyleSheet}"><style>{Style}</style>
        <link rel="alternate" type="application/atom+xml" title="Performance regressions" href="{root}{Feed}"></head>
        <body><nav><a href="{root}index.html">Benchmarks</a><a href="{root}regressions.html">Regressions</a><a href="{root}{Feed}">Alerts feed</a></nav>
        {body}
        {scripts}
        </body></html>

        """;

    private static void Problems(StringBuilder body, IEnumerable<string> problems)
    {
        var list = problems.ToArray();
        if (list.Length > 0)
            body.Append("<ul class=\"problems\">" + string.Concat(list.Select(p => $"<li>{Html(p)}</li>")) + "</ul>");
    }

    private string StepHtml(AnchoredSeries s, Step step) =>
        $"<span class=\"{(step.Factor >= 1 ? "regression" : "improvement")}\">{Factor(step)}</span> at {links.Html(step.LastBefore)}..{links.Html(step.FirstAfter)}";

    private static string Factor(Step step) => string.Create(CultureInfo.InvariantCulture, $"{Readable.Change(step.Factor)} (×{step.Factor:0.000})");

    private static string RatioText(AnchoredPoint p) => p.Lower is { } l && p.Upper is { } u
        ? string.Create(CultureInfo.InvariantCulture, $"{p.Ratio:0.000} [{l:0.000}, {u:0.000}]")
        : string.Create(CultureInfo.InvariantCulture, $"{p.Ratio:0.000}{(p.Unchanged ? " (unchanged code)" : "")}");

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static byte[] Utf8(string text) => AtomicFile.Utf8.GetBytes(text);
}
