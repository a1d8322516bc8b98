using System.Globalization;
using System.Runtime.Versioning;
using ActiveInference.Benchmarking.Configuration;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Configuration;

[TestFixture]
public sealed class PerfOptionsLoaderTests
{
    private string _root = "";

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "ai-options-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public void WithNothingConfiguredTheDefaultsApply()
    {
        var options = Valid(new(), new());

        Assert.That(options.Mode, Is.EqualTo(PerfMode.Gate));
        Assert.That(options.Threshold, Is.EqualTo(0.10));
        Assert.That(options.BaselinePath, Is.EqualTo(Path.Combine(_root, "baselines.json")));
        Assert.That(options.ResultsDirectory, Is.EqualTo(Path.Combine(_root, "TestResults", "perf")));
        Assert.That(options.HistoryPath, Is.EqualTo(Path.Combine(_root, "TestResults", "perf", "perf-history.db")));
        Assert.That(options.MachineProfile, Is.Null);
        Assert.That(options.InconclusiveAsFailure, Is.False);
        Assert.That(options.Commit, Is.Null);
        Assert.That(options.KeepRecordings, Is.EqualTo(7));
        Assert.That(options.SkipUnchanged, Is.True, "unchanged benchmarks are not measured unless asked");
    }

    [Test]
    public void SkipUnchangedCanBeTurnedOffInTheRunSettingsOrTheEnvironment()
    {
        Assert.That(Valid(new() { ["skipUnchanged"] = "false" }, new()).SkipUnchanged, Is.False);
        Assert.That(Valid(new(), new() { ["PERF_SKIP_UNCHANGED"] = "0" }).SkipUnchanged, Is.False);
    }

    [Test]
    public void RunsettingsOverrideDefaultsAndEnvironmentOverridesRunsettings()
    {
        Directory.CreateDirectory(Path.Combine(_root, "perf"));
        var options = Valid(
            new() { ["mode"] = "record", ["threshold"] = "0.2", ["baselinePath"] = "perf/base.json", ["keepRecordings"] = "7" },
            new() { ["PERF_THRESHOLD"] = "0.05", ["PERF_COMMIT"] = "abc123", ["UNRELATED"] = "x" });

        Assert.That(options.Mode, Is.EqualTo(PerfMode.Record), "runsettings over default");
        Assert.That(options.Threshold, Is.EqualTo(0.05), "environment over runsettings");
        Assert.That(options.BaselinePath, Is.EqualTo(Path.Combine(_root, "perf", "base.json")));
        Assert.That(options.KeepRecordings, Is.EqualTo(7));
        Assert.That(options.Commit, Is.EqualTo("abc123"), "environment over default");
    }

    [Test]
    public void EverySettingCanBeSetFromTheEnvironment()
    {
        var absolute = Path.Combine(_root, "elsewhere");
        File.WriteAllText(Path.Combine(_root, "b.json"), "{}");
        var options = Valid(new(), new()
        {
            ["PERF_MODE"] = "Measure",
            ["PERF_THRESHOLD"] = "1.5e-1",
            ["PERF_BASELINE_PATH"] = "b.json",
            ["PERF_RESULTS_DIRECTORY"] = absolute,
            ["PERF_HISTORY_PATH"] = "h/history.db",
            ["PERF_MACHINE_PROFILE"] = "ci-linux-x64",
            ["PERF_INCONCLUSIVE_AS_FAILURE"] = "TRUE",
            ["PERF_COMMIT"] = "  0123abcd  ",
            ["PERF_KEEP_RECORDINGS"] = "3",
        });

        Assert.That(options, Is.EqualTo(new PerfOptions
        {
            Mode = PerfMode.Measure,
            Threshold = 0.15,
            BaselinePath = Path.Combine(_root, "b.json"),
            ResultsDirectory = absolute,
            HistoryPath = Path.Combine(_root, "h", "history.db"),
            MachineProfile = "ci-linux-x64",
            InconclusiveAsFailure = true,
            Commit = "0123abcd",
            KeepRecordings = 3,
        }));
    }

    [Test]
    public void RunsettingsKeysAreCaseInsensitive()
    {
        var options = Valid(new() { ["MODE"] = "record", ["BaselinePath"] = "x.json", ["inconclusiveasfailure"] = "1" }, new());

        Assert.That(options.Mode, Is.EqualTo(PerfMode.Record));
        Assert.That(options.BaselinePath, Is.EqualTo(Path.Combine(_root, "x.json")));
        Assert.That(options.InconclusiveAsFailure, Is.True);
    }

    [Test]
    public void ABlankValueCountsAsNotSetSoTheLowerLayerApplies()
    {
        var options = Valid(new() { ["threshold"] = "0.3" }, new() { ["PERF_THRESHOLD"] = "  ", ["PERF_MODE"] = "" });

        Assert.That(options.Threshold, Is.EqualTo(0.3));
        Assert.That(options.Mode, Is.EqualTo(PerfMode.Gate));
    }

    [Test]
    public void TheResultsDirectoryMovesTheDefaultHistoryWithIt()
    {
        var options = Valid(new() { ["resultsDirectory"] = "out" }, new());

        Assert.That(options.HistoryPath, Is.EqualTo(Path.Combine(_root, "out", "perf-history.db")));
    }

    [TestCase("PERF_MODE", "fast", "PERF_MODE='fast': mode must be one of gate, record, measure")]
    [TestCase("PERF_MODE", "1", "PERF_MODE='1': mode must be one of gate, record, measure")]
    [TestCase("PERF_THRESHOLD", "-0.1", "PERF_THRESHOLD='-0.1': threshold must be a finite number ≥ 0")]
    [TestCase("PERF_THRESHOLD", "NaN", "PERF_THRESHOLD='NaN': threshold must be a finite number ≥ 0")]
    [TestCase("PERF_THRESHOLD", "Infinity", "PERF_THRESHOLD='Infinity': threshold must be a finite number ≥ 0")]
    [TestCase("PERF_THRESHOLD", "0,1", "PERF_THRESHOLD='0,1': threshold must be a number with a dot as decimal separator (e.g. 0.1, not 0,1)")]
    [TestCase("PERF_THRESHOLD", "10%", "PERF_THRESHOLD='10%': threshold is a fraction, not a percentage: write 0.10 for 10%")]
    [TestCase("PERF_THRESHOLD", "ten", "PERF_THRESHOLD='ten': threshold must be a finite number ≥ 0 (e.g. 0.1 for 10%)")]
    [TestCase("PERF_KEEP_RECORDINGS", "0", "PERF_KEEP_RECORDINGS='0': keepRecordings must be a whole number from 1 to 1000")]
    [TestCase("PERF_KEEP_RECORDINGS", "2.5", "PERF_KEEP_RECORDINGS='2.5': keepRecordings must be a whole number from 1 to 1000")]
    [TestCase("PERF_INCONCLUSIVE_AS_FAILURE", "maybe", "PERF_INCONCLUSIVE_AS_FAILURE='maybe': inconclusiveAsFailure must be true or false")]
    [TestCase("PERF_SKIP_UNCHANGED", "sometimes", "PERF_SKIP_UNCHANGED='sometimes': skipUnchanged must be true or false")]
    [TestCase("PERF_MACHINE_PROFILE", "my laptop", "PERF_MACHINE_PROFILE='my laptop': machineProfile must be 1–64 characters")]
    [TestCase("PERF_COMMIT", "abc def", "PERF_COMMIT='abc def': commit must be a single word")]
    [TestCase("PERF_BASELINE_PATH", "bad\0path.json", "PERF_BASELINE_PATH='bad\0path.json': the path contains a character that is not allowed")]
    public void AnInvalidEnvironmentValueIsAnErrorNamingTheKeyAndTheValue(string key, string value, string expected)
    {
        var errors = Errors(new(), new() { [key] = value });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Source, Is.EqualTo(OptionSource.Environment));
        Assert.That(errors[0].Key, Is.EqualTo(key));
        Assert.That(errors[0].Value, Is.EqualTo(value));
        Assert.That(errors[0].ToString(), Does.StartWith(expected));
    }

    [Test]
    public void AnInvalidRunsettingsValueNamesTheRunsettingsKey()
    {
        var result = PerfOptionsLoader.Load(new Dictionary<string, string?> { ["Threshold"] = "-1" }, new Dictionary<string, string?>(), _root);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Single().ToString(), Is.EqualTo("TestRunParameters Threshold='-1': threshold must be a finite number ≥ 0"));
        Assert.That(result.ErrorMessage, Does.StartWith("Invalid perf configuration:").And.Contain("TestRunParameters Threshold='-1'"));
    }

    [Test]
    public void AValidEnvironmentValueDoesNotHideThatTheRunsettingsOneWasOverridden()
    {
        var options = Valid(new() { ["threshold"] = "-1" }, new() { ["PERF_THRESHOLD"] = "0.2" });

        Assert.That(options.Threshold, Is.EqualTo(0.2), "only the winning value is validated");
    }

    [Test]
    public void AllErrorsAreReportedAtOnce()
    {
        var errors = Errors(new() { ["mode"] = "gates" }, new() { ["PERF_THRESHOLD"] = "-1", ["PERF_KEEP_RECORDINGS"] = "none" });

        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "mode", "PERF_THRESHOLD", "PERF_KEEP_RECORDINGS" }));
    }

    [TestCase("PERF_TRESHOLD", "PERF_THRESHOLD")]
    [TestCase("PERF_BASELINEPATH", "PERF_BASELINE_PATH")]
    [TestCase("PERF_MODES", "PERF_MODE")]
    [TestCase("PERF_KEEP", null)]
    public void AnUnknownPERFVariableIsAnErrorSuggestingTheNearestKey(string key, string? suggestion)
    {
        var error = Errors(new(), new() { [key] = "0.2" }).Single();

        Assert.That(error.ToString(), Does.StartWith($"{key}='0.2': unknown perf setting"));
        if (suggestion is null)
            Assert.That(error.Problem, Does.Not.Contain("did you mean"));
        else
            Assert.That(error.Problem, Does.Contain($"did you mean {suggestion}?"));
        Assert.That(error.Problem, Does.Contain("PERF_MODE, PERF_THRESHOLD, PERF_BASELINE_PATH"));
    }

    [TestCase("treshold", "threshold")]
    [TestCase("baseline_path", "baselinePath")]
    [TestCase("PERF_MODE", "mode")]
    public void AnUnknownRunsettingsParameterIsAnErrorSuggestingTheNearestKey(string key, string suggestion)
    {
        var error = Errors(new() { [key] = "x" }, new()).Single();

        Assert.That(error.Source, Is.EqualTo(OptionSource.RunSettings));
        Assert.That(error.Problem, Does.Contain($"did you mean {suggestion}?"));
    }

    [Test]
    public void VariablesOfTheLinuxPerfProfilerAreNotMistakenForSettings()
    {
        var options = Valid(new(), new() { ["PERF_EXEC_PATH"] = "/usr/libexec/perf-core", ["PERF_PAGER"] = "less" });

        Assert.That(options.Mode, Is.EqualTo(PerfMode.Gate));
    }

    [Test]
    public void ABaselinePathThatIsADirectoryIsAnError()
    {
        Directory.CreateDirectory(Path.Combine(_root, "dir.json"));

        var error = Errors(new(), new() { ["PERF_BASELINE_PATH"] = "dir.json" }).Single();

        Assert.That(error.ToString(), Does.StartWith("PERF_BASELINE_PATH='dir.json': ").And.Contain("is a directory"));
    }

    [Test]
    public void ABaselinePathUnderAFileIsAnError()
    {
        File.WriteAllText(Path.Combine(_root, "file"), "");

        var error = Errors(new() { ["baselinePath"] = "file/baselines.json" }, new()).Single();

        Assert.That(error.Problem, Does.Contain("is a file, so"));
    }

    [Test]
    public void AResultsDirectoryThatIsAFileIsAnError()
    {
        File.WriteAllText(Path.Combine(_root, "results"), "");

        var error = Errors(new(), new() { ["PERF_RESULTS_DIRECTORY"] = "results" }).Single();

        Assert.That(error.Problem, Does.Contain("is a file; expected a directory"));
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void AnUnreadableBaselineFileIsAnError()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
            Assert.Ignore("File permissions do not stop this user from reading.");
        var path = Path.Combine(_root, "locked.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.None);

        var error = Errors(new(), new() { ["PERF_BASELINE_PATH"] = "locked.json" }).Single();

        Assert.That(error.Problem, Does.Contain("cannot be read"));
    }

    [Test]
    public void ABaselineFileHeldExclusivelyByAnotherProcessIsAnError()
    {
        var path = Path.Combine(_root, "held.json");
        File.WriteAllText(path, "{}");
        using var holder = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var error = Errors(new(), new() { ["PERF_BASELINE_PATH"] = "held.json" }).Single();

        Assert.That(error.ToString(), Does.StartWith("PERF_BASELINE_PATH='held.json': ").And.Contain("cannot be read"));
    }

    [Test]
    public void AMissingBaselineFileAtTheDefaultPathIsFine()
    {
        Assert.That(File.Exists(Path.Combine(_root, "baselines.json")), Is.False);

        Assert.That(Valid(new(), new()).BaselinePath, Is.EqualTo(Path.Combine(_root, "baselines.json")));
    }

    [TestCase("gate")]
    [TestCase("measure")]
    public void AnExplicitBaselinePathWithNoFileIsAnErrorNamingTheSettingThePathAndTheFix(string mode)
    {
        var fromEnvironment = Errors(new() { ["mode"] = mode }, new() { ["PERF_BASELINE_PATH"] = "typo/baselines.json" }).Single();
        var fromRunSettings = Errors(new() { ["mode"] = mode, ["baselinePath"] = "baselines.jsno" }, new()).Single();

        var resolved = Path.Combine(_root, "typo", "baselines.json");
        Assert.That(fromEnvironment.ToString(), Is.EqualTo(
            $"PERF_BASELINE_PATH='typo/baselines.json': there is no baselines file at {resolved}; create it by recording (mode=record) or fix the path"));
        Assert.That(fromRunSettings.ToString(), Does.StartWith("TestRunParameters baselinePath='baselines.jsno': there is no baselines file at " + Path.Combine(_root, "baselines.jsno")));
    }

    [Test]
    public void AnExplicitBaselinePathNamingAnExistingFileIsFine()
    {
        File.WriteAllText(Path.Combine(_root, "base.json"), "{}");

        Assert.That(Valid(new(), new() { ["PERF_BASELINE_PATH"] = "base.json" }).BaselinePath, Is.EqualTo(Path.Combine(_root, "base.json")));
    }

    [Test]
    public void RecordingMayCreateAnExplicitBaselineFileInAFolderThatExists()
    {
        Directory.CreateDirectory(Path.Combine(_root, "perf"));

        var options = Valid(new() { ["mode"] = "record" }, new() { ["PERF_BASELINE_PATH"] = "perf/new.json" });

        Assert.That(options.BaselinePath, Is.EqualTo(Path.Combine(_root, "perf", "new.json")));
    }

    [Test]
    public void RecordingIntoAFolderThatDoesNotExistIsAnErrorNamingTheFolder()
    {
        var error = Errors(new() { ["mode"] = "record" }, new() { ["PERF_BASELINE_PATH"] = "/nonexistent-dir/x/baselines.json" }).Single();

        Assert.That(error.Key, Is.EqualTo("PERF_BASELINE_PATH"));
        Assert.That(error.Problem, Does.Contain($"the folder {Path.GetFullPath("/nonexistent-dir/x")} does not exist").And.Contain("create the folder or fix the path"));
    }

    [Test]
    public void NumbersAreParsedInTheInvariantCultureWhateverTheCurrentOne()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.That(Valid(new(), new() { ["PERF_THRESHOLD"] = "0.25" }).Threshold, Is.EqualTo(0.25));
            Assert.That(Errors(new(), new() { ["PERF_THRESHOLD"] = "0,25" }), Has.Count.EqualTo(1));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void TheModeIsMatchedInTheInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            Assert.That(Valid(new(), new() { ["PERF_MODE"] = "MEASURE" }).Mode, Is.EqualTo(PerfMode.Measure));
            Assert.That(Valid(new(), new() { ["PERF_INCONCLUSIVE_AS_FAILURE"] = "YES" }).InconclusiveAsFailure, Is.True);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void BaselineRefIsUnsetByDefault()
    {
        Assert.That(Valid(new(), new()).BaselineRef, Is.Null);
    }

    [Test]
    public void BaselineRefComesFromRunsettingsAndPERFBASELINEREFOverridesIt()
    {
        Assert.That(Valid(new() { ["baselineRef"] = "main" }, new()).BaselineRef, Is.EqualTo("main"));
        Assert.That(Valid(new(), new() { ["PERF_BASELINE_REF"] = " origin/main " }).BaselineRef, Is.EqualTo("origin/main"));
        Assert.That(Valid(new() { ["baselineRef"] = "main" }, new() { ["PERF_BASELINE_REF"] = "v1.2^" }).BaselineRef, Is.EqualTo("v1.2^"));
    }

    [TestCase("HEAD~3")]
    [TestCase("0123abcd")]
    [TestCase("no/such/folder")]
    [TestCase("feature;touch>x")]
    public void ABaselineRefThatIsNotAnExistingFolderIsKeptVerbatimAsACommitIsh(string value)
    {
        Assert.That(Valid(new(), new() { ["PERF_BASELINE_REF"] = value }).BaselineRef, Is.EqualTo(value));
    }

    [Test]
    public void ABaselineRefNamingAnExistingRelativeFolderBecomesItsFullPath()
    {
        Directory.CreateDirectory(Path.Combine(_root, "cache", "base"));

        Assert.That(Valid(new() { ["baselineRef"] = "cache/./base" }, new()).BaselineRef, Is.EqualTo(Path.Combine(_root, "cache", "base")));
    }

    [Test]
    public void ABaselineRefNamingAnExistingAbsoluteFolderIsKeptAsAFullPath()
    {
        var folder = Path.Combine(_root, "prebuilt");
        Directory.CreateDirectory(folder);

        Assert.That(Valid(new(), new() { ["PERF_BASELINE_REF"] = folder }).BaselineRef, Is.EqualTo(folder));
    }

    [TestCase("--output=x")]
    [TestCase("-n")]
    public void ABaselineRefBeginningWithADashIsAnErrorNamingTheKey(string value)
    {
        var fromEnvironment = Errors(new(), new() { ["PERF_BASELINE_REF"] = value }).Single();
        var fromRunSettings = Errors(new() { ["BaselineRef"] = value }, new()).Single();

        Assert.That(fromEnvironment.ToString(), Does.StartWith($"PERF_BASELINE_REF='{value}': ").And.Contain("cannot begin with '-'"));
        Assert.That(fromRunSettings.ToString(), Does.StartWith($"TestRunParameters BaselineRef='{value}': ").And.Contain("cannot begin with '-'"));
    }

    [TestCase("main\tx")]
    [TestCase("main\nx")]
    public void ABaselineRefWithAControlCharacterIsAnError(string escaped)
    {
        var value = escaped.Replace("\\t", "\t").Replace("\\n", "\n");

        var error = Errors(new(), new() { ["PERF_BASELINE_REF"] = value }).Single();

        Assert.That(error.Key, Is.EqualTo("PERF_BASELINE_REF"));
        Assert.That(error.Problem, Does.Contain("without control characters"));
    }

    [TestCase("PERF_BASELINEREF")]
    [TestCase("PERF_BASELINE_REFS")]
    public void AMisspeltPERFBASELINEREFSuggestsTheRightName(string key)
    {
        var error = Errors(new(), new() { [key] = "main" }).Single();

        Assert.That(error.Problem, Does.Contain("did you mean PERF_BASELINE_REF?"));
    }

    [Test]
    public void AMisspeltBaselineRefRunsettingsParameterSuggestsTheRightName()
    {
        var error = Errors(new() { ["baseline_ref"] = "main" }, new()).Single();

        Assert.That(error.Problem, Does.Contain("did you mean baselineRef?"));
    }

    private PerfOptions Valid(Dictionary<string, string?> runParameters, Dictionary<string, string?> environment)
    {
        var result = PerfOptionsLoader.Load(runParameters, environment, _root);
        Assert.That(result.Errors, Is.Empty, result.ErrorMessage);
        return result.Options!;
    }

    private List<OptionError> Errors(Dictionary<string, string?> runParameters, Dictionary<string, string?> environment)
    {
        var result = PerfOptionsLoader.Load(runParameters, environment, _root);
        Assert.That(result.Options, Is.Null);
        return result.Errors.ToList();
    }
}
