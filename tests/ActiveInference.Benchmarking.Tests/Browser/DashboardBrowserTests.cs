using ActiveInference.Benchmarking.Configuration;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Tests.PerfMonitor;
using ActiveInference.PerfMonitor;
using ActiveInference.PerfMonitor.Dashboard;
using NUnit.Framework;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using static ActiveInference.Benchmarking.Tests.History.HistorySamples;

namespace ActiveInference.Benchmarking.Tests.Browser;

/// <summary>
/// The dashboard in a real browser: Debian's chromium, headless, driven through its chromedriver (.ci/run installs
/// both and runs this category as its own step; plain <c>dotnet test</c> leaves it out). Screenshots go to
/// TestResults/browser/ and are attached to the test.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";
    private const string CommitUrl = "https://example.invalid/commit/{commit}";
    private static readonly string[] Benchmarks = ["Ns.Kernels.FreeEnergy(100)", "Ns.Kernels.InferStates(\"small\")", "Ns.Kernels.MatrixMultiply(500)"];
    private const int Runs = 16;

    private MonitorSamples _samples = null!;
    private ChromeDriver _browser = null!;
    private string _screenshots = "";

    [OneTimeSetUp]
    public void BuildTheSiteAndStartTheBrowser()
    {
        if (!File.Exists(Chromium) || !File.Exists(Driver))
            Assert.Ignore($"needs {Chromium} and {Driver}: apt-get install -y chromium chromium-driver (.ci/run does)");
        _samples = new MonitorSamples();
        var folder = new HistoryFolder(_samples.PathOf("perf-history"));
        var noise = new[] { 0.004, -0.006, 0.002, 0.0, -0.003, 0.005, -0.001, 0.003 };
        for (var i = 0; i < Runs; i++)
        {
            // FreeEnergy gets 25% slower at commit 10, InferStates 20% faster at commit 6, MatrixMultiply stays.
            folder.Add(Run(Commit(i), Anchor, i,
                (Benchmarks[0], (i < 10 ? 1.0 : 1.25) * (1 + noise[i % 8])),
                (Benchmarks[1], (i < 6 ? 1.0 : 0.8) * (1 - noise[i % 8])),
                (Benchmarks[2], 0.95 * (1 + noise[(i + 3) % 8]))));
        }

        var built = _samples.Invoke("dashboard", "--history", "perf-history", "--output", "site", "--commit-url", CommitUrl);
        Assert.That(built.Code, Is.EqualTo(ExitCodes.Clean), built.ToString());

        var root = RepositoryRoot.Find(TestContext.CurrentContext.TestDirectory) ?? TestContext.CurrentContext.WorkDirectory;
        _screenshots = Path.Combine(root, "TestResults", "browser");
        Directory.CreateDirectory(_screenshots);

        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + _samples.PathOf("chromium-profile"));
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(30));
    }

    [OneTimeTearDown]
    public void StopTheBrowser()
    {
        _browser?.Quit();
        _browser?.Dispose();
        _samples?.Dispose();
    }

    [Test]
    public void TheIndexListsEveryBenchmarkWithoutConsoleErrorsAndTheFilterNarrowsIt()
    {
        Open("index.html");

        var rows = _browser.FindElements(By.CssSelector("#benchmarks tbody tr"));
        Assert.That(rows.Select(r => r.GetAttribute("data-name")), Is.EquivalentTo(Benchmarks));
        Assert.That(_browser.FindElements(By.CssSelector("#benchmarks svg.spark")), Has.Count.EqualTo(Benchmarks.Length));
        Screenshot("index");

        _browser.FindElement(By.Id("filter")).SendKeys("Matrix");
        Assert.That(rows.Where(r => r.Displayed).Select(r => r.GetAttribute("data-name")), Is.EqualTo(new[] { Benchmarks[2] }));
        AssertNoConsoleErrors();
    }

    [Test]
    public void ABenchmarkPageChartsEveryRunAndShowsTheCommitOnHover()
    {
        Open(DashboardSite.PagePath(Benchmarks[0]));

        var points = (long)((IJavaScriptExecutor)_browser).ExecuteScript("return window.perfCharts[0].data[1].filter(function (v) { return v != null; }).length;")!;
        Assert.That(points, Is.EqualTo(Runs));
        Assert.That(_browser.FindElements(By.CssSelector("#runs tbody tr")), Has.Count.EqualTo(Runs));
        Assert.That(_browser.FindElement(By.TagName("body")).Text, Does.Contain("Raw medians"));

        var chart = _browser.FindElement(By.CssSelector("#chart .u-over"));
        new OpenQA.Selenium.Interactions.Actions(_browser).MoveToElement(chart, chart.Size.Width / 2 - 2, 0).Perform();
        var link = _browser.FindElement(By.CssSelector("#point a"));
        Assert.That(link.GetAttribute("href"), Does.StartWith("https://example.invalid/commit/"));
        Screenshot("benchmark");
        AssertNoConsoleErrors();
    }

    [Test]
    public void ARegressionRowLinksToItsCommit()
    {
        Open("regressions.html");

        var row = _browser.FindElements(By.CssSelector("#regressions tbody tr")).Single();
        Assert.That(row.Text, Does.Contain(Benchmarks[0]).And.Contain("+25"));
        var commits = row.FindElements(By.CssSelector("a.commit")).Select(a => a.GetAttribute("href")).ToArray();
        Assert.That(commits, Is.EqualTo(new[] { $"https://example.invalid/commit/{Commit(9)}", $"https://example.invalid/commit/{Commit(10)}" }));
        Screenshot("regressions");
        AssertNoConsoleErrors();
    }

    private void Open(string page)
    {
        _browser.Manage().Logs.GetLog(LogType.Browser);
        _browser.Navigate().GoToUrl(new Uri(_samples.PathOf(Path.Combine("site", page))).AbsoluteUri);
    }

    private void AssertNoConsoleErrors()
    {
        var errors = _browser.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToArray();
        Assert.That(errors, Is.Empty, "console errors and warnings");
    }

    private void Screenshot(string name)
    {
        var path = Path.Combine(_screenshots, $"dashboard-{name}.png");
        _browser.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, $"the dashboard's {name} page in chromium");
    }
}
