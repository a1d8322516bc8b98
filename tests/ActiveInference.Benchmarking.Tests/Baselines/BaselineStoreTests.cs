using System.Globalization;
using System.Text;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Baselines.SampleResults;

namespace ActiveInference.Benchmarking.Tests.Baselines;

[TestFixture]
public sealed class BaselineStoreTests
{
    private string _directory = "";
    private string _path = "";
    private readonly BaselineStore _store = new();

    [SetUp]
    public void SetUp()
    {
        _directory = NewDirectory();
        _path = Path.Combine(_directory, "baselines.json");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void LoadOfAFileThatDoesNotExistIsMissingNotAnError()
    {
        var result = _store.Load(_path);

        Assert.That(result.Status, Is.EqualTo(BaselineLoadStatus.Missing));
        Assert.That(result.Error, Is.Null);
        Assert.That(result.DocumentOrEmpty!.Profiles, Is.Empty);
        Assert.That(File.Exists(_path), Is.False);
    }

    private static IEnumerable<TestCaseData> BadFiles()
    {
        yield return new TestCaseData("", "the file is empty").SetName("Empty file");
        yield return new TestCaseData("  \n\t", "the file is empty").SetName("Whitespace-only file");
        yield return new TestCaseData("{\"schemaVersion\": 1, \"profiles\": {", "not valid JSON (line 1").SetName("Truncated JSON");
        yield return new TestCaseData("<<<<<<< HEAD\n{}", "not valid JSON").SetName("Merge conflict markers");
        yield return new TestCaseData("[]", "$: expected an object, found an array").SetName("Array at the top");
        yield return new TestCaseData("{\"profiles\": {}}", "missing 'schemaVersion'").SetName("No schema version");
        yield return new TestCaseData("{\"schemaVersion\": 3, \"profiles\": {}}", "schemaVersion 3 is not supported (this framework reads 1 to 2)").SetName("Newer schema version");
        yield return new TestCaseData("{\"schemaVersion\": \"1\", \"profiles\": {}}", "'schemaVersion' must be an integer, found \"1\"").SetName("Schema version as a string");
        yield return new TestCaseData("{\"schemaVersion\": 1}", "$: missing required property 'profiles'").SetName("No profiles");
        yield return new TestCaseData(
                "{\"schemaVersion\": 1, \"profiles\": {\"abc\": {\"machine\": {\"cpuModel\": \"x\", \"logicalCores\": 2, \"operatingSystem\": \"o\", \"runtimeVersion\": \"r\", \"engineVersion\": \"e\"}, \"benchmarks\": {}}}}",
                "$.profiles[\"abc\"].machine: missing required property 'engineSettings'")
            .SetName("Machine field missing");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void LoadOfABadFileIsInvalidWithTheFileAndTheProblemAndLeavesItUnchanged(string content, string expectedProblem)
    {
        File.WriteAllText(_path, content);
        var before = File.ReadAllBytes(_path);

        var result = _store.Load(_path);

        Assert.That(result.Status, Is.EqualTo(BaselineLoadStatus.Invalid));
        Assert.That(result.Error, Does.StartWith(_path + ": "));
        Assert.That(result.Error, Does.Contain(expectedProblem));
        Assert.That(result.DocumentOrEmpty, Is.Null);
        Assert.That(File.ReadAllBytes(_path), Is.EqualTo(before));
    }

    [TestCase("\"median\":1234.5678901", "\"median\":\"fast\"", "nanosecondsPerOperation.median: expected a number, found \"fast\"")]
    [TestCase("\"q3\":", "\"q9\":", "nanosecondsPerOperation: missing required property 'q3'")]
    [TestCase("\"recordedAt\":\"2025", "\"recordedAt\":\"yesterday\",\"was\":\"2025", "recordedAt: 'yesterday' is not an ISO-8601 date and time")]
    [TestCase("\"gen2\":0", "\"gen2\":0.5", "gc.gen2: must be a 32-bit integer, found 0.5")]
    public void LoadNamesTheLocationOfABadField(string find, string replace, string expectedProblem)
    {
        Record(Result("A.B.C"));
        var text = File.ReadAllText(_path);
        Assert.That(text, Does.Contain(find), "test setup: the written file should contain the text to corrupt");
        File.WriteAllText(_path, ReplaceFirst(text, find, replace));

        var result = _store.Load(_path);

        Assert.That(result.Status, Is.EqualTo(BaselineLoadStatus.Invalid));
        Assert.That(result.Error, Does.Contain("$.profiles[\"").And.Contain(".benchmarks[\"A.B.C\"].recordings[0]."));
        Assert.That(result.Error, Does.Contain(expectedProblem));
    }

    [Test]
    public void LoadOfADirectoryIsInvalid()
    {
        Directory.CreateDirectory(_path);

        var result = _store.Load(_path);

        Assert.That(result.Status, Is.EqualTo(BaselineLoadStatus.Invalid));
        Assert.That(result.Error, Does.Contain("is a directory"));
    }

    [Test]
    public void LoadOfAFileThatIsNotUTF8IsInvalid()
    {
        File.WriteAllBytes(_path, [0x7B, 0xFF, 0xFE, 0x00, 0x7D]);

        Assert.That(_store.Load(_path).Error, Does.Contain("not UTF-8"));
    }

    [Test]
    public void RecordThenLoadGivesBackTheSameRecordings()
    {
        var profile = Profile();
        var result = Result("Ns.Fixture.Method(100)", at: new DateTimeOffset(2025, 3, 1, 14, 30, 15, 123, TimeSpan.FromHours(2)));

        var written = _store.Record(_path, profile, [result], "0123abcd", keep: 5);
        var loaded = _store.Load(_path);

        Assert.That(written.Succeeded, Is.True, written.Error);
        Assert.That(written.Recorded, Is.EqualTo(new[] { "Ns.Fixture.Method(100)" }));
        Assert.That(loaded.Status, Is.EqualTo(BaselineLoadStatus.Loaded), loaded.Error);
        var baseline = loaded.Document!.Find(profile.Id, "Ns.Fixture.Method(100)")!;
        Assert.That(baseline.Profile, Is.EqualTo(profile));
        Assert.That(baseline.Recordings, Has.Count.EqualTo(1));
        Assert.That(baseline.Latest, Is.EqualTo(Recording.From(result, "0123abcd")));
        Assert.That(baseline.Latest.RecordedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 1, 12, 30, 15, 123, TimeSpan.Zero)));
        Assert.That(baseline.Latest.RecordedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(baseline.Latest.Time.Median, Is.EqualTo(result.Time.Median), "the summary is stored exactly");
        Assert.That(baseline.Latest.Commit, Is.EqualTo("0123abcd"));
    }

    [Test]
    public void WritingALoadedFileAgainGivesTheSameBytes()
    {
        Record(Result("Z.Last"), Result("A.First"), Result("M.Middle"));
        _store.Record(_path, Profile("Other CPU"), [Result("A.First")], null);
        var text = File.ReadAllText(_path);

        var again = BaselineJson.Write(_store.Load(_path).Document!);

        Assert.That(again, Is.EqualTo(text));
        Assert.That(text, Does.EndWith("}\n").And.Not.EndWith("\n\n"));
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text.IndexOf("\"A.First\"", StringComparison.Ordinal), Is.LessThan(text.IndexOf("\"M.Middle\"", StringComparison.Ordinal)));
        Assert.That(text.IndexOf("\"M.Middle\"", StringComparison.Ordinal), Is.LessThan(text.IndexOf("\"Z.Last\"", StringComparison.Ordinal)));
    }

    [Test]
    public void TheWrittenTextDoesNotDependOnTheCurrentCulture()
    {
        var document = BaselineStore.Merge(BaselineDocument.Empty, Profile(), [("A", Recording.From(Result("A", median: 1.5e-3), null))], 5);
        var invariant = WriteUnder(CultureInfo.InvariantCulture, document);

        Assert.That(WriteUnder(new CultureInfo("de-DE"), document), Is.EqualTo(invariant));
        Assert.That(WriteUnder(new CultureInfo("tr-TR"), document), Is.EqualTo(invariant));
        Assert.That(WriteUnder(new CultureInfo("ar-SA"), document), Is.EqualTo(invariant));
        Assert.That(invariant, Does.Contain("\"allocatedBytesPerOperation\":24,"));
        Assert.That(invariant, Does.Match("\"median\":0\\.0015\\d*,"));
    }

    [Test]
    public void RecordKeepsOtherProfilesAndOtherBenchmarksUntouched()
    {
        var here = Profile();
        var elsewhere = Profile("Elsewhere CPU", 16);
        _store.Record(_path, elsewhere, [Result("Shared.Bench"), Result("Only.Elsewhere")], "old");
        _store.Record(_path, here, [Result("Shared.Bench"), Result("Only.Here")], "old");
        var before = _store.Load(_path).Document!;

        var written = _store.Record(_path, here, [Result("Shared.Bench", median: 2000, at: Start.AddDays(1))], "new");
        var after = _store.Load(_path).Document!;

        Assert.That(written.Succeeded, Is.True, written.Error);
        Assert.That(BaselineJson.Write(Only(after, elsewhere.Id)), Is.EqualTo(BaselineJson.Write(Only(before, elsewhere.Id))));
        Assert.That(after.Find(here.Id, "Only.Here")!.Recordings, Is.EqualTo(before.Find(here.Id, "Only.Here")!.Recordings));
        var shared = after.Find(here.Id, "Shared.Bench")!;
        Assert.That(shared.Recordings.Select(r => r.Commit), Is.EqualTo(new[] { "old", "new" }));
        Assert.That(after.FindOnOtherProfiles(here.Id, "Shared.Bench").Single().Profile, Is.EqualTo(elsewhere));
    }

    [Test]
    public void RecordKeepsOnlyTheNewestRecordings()
    {
        for (var day = 0; day < 7; day++)
            _store.Record(_path, Profile(), [Result("A", median: 100 + day, at: Start.AddDays(day))], $"c{day}", keep: 3);

        var recordings = _store.Load(_path).Document!.Find(Profile().Id, "A")!.Recordings;

        Assert.That(recordings.Select(r => r.Commit), Is.EqualTo(new[] { "c4", "c5", "c6" }));
    }

    [Test]
    public void RecordOrdersRecordingsByTimeEvenWhenAnOlderOneArrivesLast()
    {
        _store.Record(_path, Profile(), [Result("A", at: Start.AddDays(2))], "late", keep: 2);
        _store.Record(_path, Profile(), [Result("A", at: Start.AddDays(3))], "latest", keep: 2);
        _store.Record(_path, Profile(), [Result("A", at: Start)], "early", keep: 2);

        var recordings = _store.Load(_path).Document!.Find(Profile().Id, "A")!.Recordings;

        Assert.That(recordings.Select(r => r.Commit), Is.EqualTo(new[] { "late", "latest" }));
    }

    [Test]
    public void RecordSkipsUntrustworthyAndNonFiniteResultsAndSaysWhy()
    {
        var nan = Result("Has.NaN") with { SamplesNanosecondsPerOperation = [1, double.NaN, 3] };
        var empty = Result("No.Samples") with { SamplesNanosecondsPerOperation = [] };

        var written = _store.Record(_path, Profile(), [Result("Good"), Result("Debug.Build", trustIssues: ["code not optimised"]), nan, empty], null);

        Assert.That(written.Succeeded, Is.True, written.Error);
        Assert.That(written.Recorded, Is.EqualTo(new[] { "Good" }));
        Assert.That(written.Skipped.Select(s => s.FullName), Is.EqualTo(new[] { "Debug.Build", "Has.NaN", "No.Samples" }));
        Assert.That(written.Skipped[0].Reason, Is.EqualTo("not trustworthy: code not optimised"));
        Assert.That(written.Skipped[1].Reason, Does.Contain("not a finite number"));
        Assert.That(_store.Load(_path).Document!.Profiles.Single().Value.Benchmarks.Keys, Is.EqualTo(new[] { "Good" }));
    }

    [Test]
    public void RecordWithNothingTrustworthyWritesNoFile()
    {
        var written = _store.Record(_path, Profile(), [Result("Debug.Build", trustIssues: ["debugger attached"])], null);

        Assert.That(written.Succeeded, Is.True);
        Assert.That(written.Recorded, Is.Empty);
        Assert.That(File.Exists(_path), Is.False);
    }

    [TestCase("")]
    [TestCase("{\"schemaVersion\": 1, \"profiles\": {\"x\": ")]
    [TestCase("{\"schemaVersion\": 7, \"profiles\": {}}")]
    public void RecordRefusesToOverwriteABadFileAndLeavesItByteForByte(string content)
    {
        File.WriteAllText(_path, content);
        var before = File.ReadAllBytes(_path);

        var written = _store.Record(_path, Profile(), [Result("A")], null);

        Assert.That(written.Succeeded, Is.False);
        Assert.That(written.Error, Does.StartWith(_path + ": ").And.Contain("nothing was recorded"));
        Assert.That(written.Recorded, Is.Empty);
        Assert.That(File.ReadAllBytes(_path), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(_directory).Where(f => f != _path && !f.EndsWith(".lock", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void RecordCreatesAMissingDirectory()
    {
        var nested = Path.Combine(_directory, "a", "b", "baselines.json");

        var written = _store.Record(nested, Profile(), [Result("A")], null);

        Assert.That(written.Succeeded, Is.True, written.Error);
        Assert.That(_store.Load(nested).Status, Is.EqualTo(BaselineLoadStatus.Loaded));
    }

    [Test]
    public void RecordLeavesNoTemporaryFilesBehind()
    {
        for (var i = 0; i < 3; i++)
            Record(Result("A" + i));

        var names = Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

        Assert.That(names, Is.EqualTo(new[] { "baselines.json", "baselines.json.lock", "baselines.samples.json" }));
    }

    private static IEnumerable<TestCaseData> OddNames()
    {
        yield return new TestCaseData("Ns.Fixture.Method(\"quoted\", 'single')").SetName("Quotes");
        yield return new TestCaseData("Ns.Fixture.Method(\"a|b|c\")").SetName("Pipes");
        yield return new TestCaseData("Ns.Fixture.Method(\"line1\nline2\r\n\tTabbed\")").SetName("Newlines and tabs");
        yield return new TestCaseData("Ns.Fixture.Method(\"back\\\\slash \\u0041\")").SetName("Backslashes");
        yield return new TestCaseData("Ns.Fixture.Método(\"µs → 12,5 % ünïcødé 日本語 🧠\")").SetName("Unicode");
        yield return new TestCaseData("Ns.Fixture.Method(\"<script>&amp;</script>\", +1)").SetName("HTML-sensitive characters");
        yield return new TestCaseData("Ns.Fixture.Method(\"\0\u0001\u001f\")").SetName("Control characters");
    }

    [TestCaseSource(nameof(OddNames))]
    public void OddCharactersInBenchmarkNamesRoundTrip(string fullName)
    {
        Record(Result(fullName), Result("Plain.Name"));

        var loaded = _store.Load(_path);

        Assert.That(loaded.Status, Is.EqualTo(BaselineLoadStatus.Loaded), loaded.Error);
        Assert.That(loaded.Document!.Find(Profile().Id, fullName), Is.Not.Null);
        Assert.That(loaded.Document.Profiles.Single().Value.Benchmarks.Keys, Is.EquivalentTo(new[] { fullName, "Plain.Name" }));
    }

    [Test]
    public void NonASCIINamesAreWrittenAsReadableUTF8WithoutAByteOrderMark()
    {
        Record(Result("Ns.Método(\"µs\")"));

        var bytes = File.ReadAllBytes(_path);

        Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("\"Ns.Método(\\\"µs\\\")\""));
    }

    [Test]
    public void ConcurrentWritersAllLand()
    {
        const int writers = 8;
        const int recordsEach = 3;
        var store = new BaselineStore(TimeSpan.FromSeconds(60));
        using var start = new Barrier(writers);
        var outcomes = new BaselineRecordResult[writers * recordsEach];
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < recordsEach; i++)
                outcomes[w * recordsEach + i] = store.Record(_path, Profile(), [Result($"W{w}.R{i}"), Result("Shared", at: Start.AddSeconds(w * recordsEach + i))], null, keep: 100);
        })).ToArray();

        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();

        Assert.That(outcomes.Where(o => !o.Succeeded).Select(o => o.Error), Is.Empty);
        var document = _store.Load(_path).Document!;
        var benchmarks = document.Profiles[Profile().Id].Benchmarks;
        Assert.That(benchmarks.Keys.Count(k => k.StartsWith('W')), Is.EqualTo(writers * recordsEach));
        Assert.That(benchmarks["Shared"], Has.Count.EqualTo(writers * recordsEach), "every writer's recording of the shared benchmark is kept");
    }

    [Test]
    public void RecordGivesUpWithAnErrorWhenAnotherWriterHoldsTheLock()
    {
        Record(Result("A"));
        var before = File.ReadAllBytes(_path);
        var samplesBefore = File.ReadAllBytes(SamplesPath);
        using var otherWriter = new FileStream(_path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var written = new BaselineStore(TimeSpan.FromMilliseconds(50)).Record(_path, Profile(), [Result("B")], null);

        Assert.That(written.Succeeded, Is.False);
        Assert.That(written.Error, Does.Contain("another writer held the lock file").And.Contain(".lock"));
        Assert.That(File.ReadAllBytes(_path), Is.EqualTo(before));
        Assert.That(File.ReadAllBytes(SamplesPath), Is.EqualTo(samplesBefore), "the lock covers the samples file too");
    }

    [Test]
    public void LoadReadsWhileAWriterHoldsTheLock()
    {
        Record(Result("A"));
        using var otherWriter = new FileStream(_path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        Assert.That(_store.Load(_path).Status, Is.EqualTo(BaselineLoadStatus.Loaded));
    }

    private string SamplesPath => Path.Combine(_directory, "baselines.samples.json");

    [Test]
    public void TheSamplesFileSitsNextToTheBaselinesFile()
    {
        Assert.That(BaselineStore.SamplesPathFor("/repo/baselines.json"), Is.EqualTo("/repo/baselines.samples.json"));
        Assert.That(BaselineStore.SamplesPathFor("/repo/ci/perf.JSON"), Is.EqualTo("/repo/ci/perf.samples.json"));
        Assert.That(BaselineStore.SamplesPathFor("/repo/baselines"), Is.EqualTo("/repo/baselines.samples.json"));
    }

    [Test]
    public void RecordWritesSummariesToTheBaselinesFileAndTheRawSamplesBesideIt()
    {
        var result = Result("Ns.A(1)") with { StateSamples = new Dictionary<string, IReadOnlyList<double>> { ["probe-a"] = Enumerable.Repeat(1000.0, 9).ToArray(), ["probe-b"] = Enumerable.Repeat(2000.0, 9).ToArray(), [QuadraticFormReference.ReferenceName] = Enumerable.Repeat(500.0, 9).ToArray() } };

        Record(result);

        var text = File.ReadAllText(_path);
        Assert.That(text, Does.Not.Contain("samples").IgnoreCase, "no sample arrays in what a reviewer reads");
        Assert.That(text, Does.Contain("\"median\":").And.Contain("\"q1\":").And.Contain("\"q3\":").And.Contain("\"allocatedBytesPerOperation\":24"));
        var samples = File.ReadAllText(SamplesPath);
        Assert.That(samples, Does.Contain("\"samples\": [").And.Contain("\"probe-a\": [1000, ").And.Contain("\"" + QuadraticFormReference.ReferenceName + "\": [500, "));
        Assert.That(samples, Does.Not.Contain("normalisedSamples"), "derived from the samples and the reference column, not stored");
        var loaded = _store.Load(_path);
        Assert.That(loaded.SamplesStatus, Is.EqualTo(BaselineLoadStatus.Loaded), loaded.SamplesError);
        Assert.That(loaded.Document!.Find(Profile().Id, "Ns.A(1)")!.Latest, Is.EqualTo(Recording.From(result, null)));
        Assert.That(loaded.Document!.Find(Profile().Id, "Ns.A(1)")!.Latest.NormalisedSamples, Is.EqualTo(result.NormalisedSamples).Within(1e-5), "as the run had them, up to the rounding of the samples");
    }

    [Test]
    public void ANewRecordingAddsOneLinePerBenchmarkToTheBaselinesFile()
    {
        _store.Record(_path, Profile(), [Result("A"), Result("B", median: 2000)], "c1", keep: 3);
        var before = File.ReadAllLines(_path);

        _store.Record(_path, Profile(), [Result("A", at: Start.AddHours(1)), Result("B", median: 2000, at: Start.AddHours(1))], "c2", keep: 3);

        var after = File.ReadAllLines(_path);
        var removed = before.Except(after).ToArray();
        var added = after.Except(before).ToArray();
        Assert.That(removed, Has.Length.EqualTo(2).And.All.Contain("\"commit\":\"c1\""), "the previous last recording of each benchmark...");
        Assert.That(added.Where(l => !l.Contains("\"commit\":\"c2\"", StringComparison.Ordinal)), Is.EqualTo(removed.Select(l => l + ",")), "...only gains the comma");
        Assert.That(added.Where(l => l.Contains("\"commit\":\"c2\"", StringComparison.Ordinal)), Has.Exactly(2).StartWith("            {\"recordedAt\":"));
        Assert.That(after, Has.Length.EqualTo(before.Length + 2));
    }

    [Test]
    public void WithoutTheSamplesFileTheRecordingsLoadWithSummariesOnly()
    {
        Record(Result("A"));
        File.Delete(SamplesPath);

        var loaded = _store.Load(_path);

        Assert.That(loaded.Status, Is.EqualTo(BaselineLoadStatus.Loaded));
        Assert.That(loaded.SamplesStatus, Is.EqualTo(BaselineLoadStatus.Missing));
        var recording = loaded.Document!.Find(Profile().Id, "A")!.Latest;
        Assert.That(recording.Samples, Is.Empty);
        Assert.That(recording.Time, Is.EqualTo(RecordedSummary.From(Result("A").Time)));
    }

    [Test]
    public void RecordingWithoutTheSamplesFileKeepsTheOldSummariesAndWritesTheNewSamples()
    {
        Record(Result("A"));
        File.Delete(SamplesPath);

        Record(Result("A", at: Start.AddHours(1)));

        var recordings = _store.Load(_path).Document!.Find(Profile().Id, "A")!.Recordings;
        Assert.That(recordings, Has.Count.EqualTo(2));
        Assert.That(recordings[0].Samples, Is.Empty);
        Assert.That(recordings[1].Samples, Has.Count.EqualTo(9));
    }

    [Test]
    public void ABadSamplesFileLoadsTheSummariesSaysWhyAndIsNeverOverwritten()
    {
        Record(Result("A"));
        File.WriteAllText(SamplesPath, "{ broken");
        var before = File.ReadAllBytes(_path);

        var loaded = _store.Load(_path);
        var written = _store.Record(_path, Profile(), [Result("A", at: Start.AddHours(1))], null);
        var rewritten = _store.Rewrite(_path, d => d);

        Assert.That(loaded.Status, Is.EqualTo(BaselineLoadStatus.Loaded), "the paired gate needs only the commit");
        Assert.That(loaded.SamplesStatus, Is.EqualTo(BaselineLoadStatus.Invalid));
        Assert.That(loaded.SamplesError, Does.StartWith(SamplesPath + ": not valid JSON"));
        Assert.That(loaded.Document!.Find(Profile().Id, "A")!.Latest.Samples, Is.Empty);
        Assert.That(written.Succeeded, Is.False);
        Assert.That(written.Error, Does.StartWith(SamplesPath).And.Contain("nothing was recorded"));
        Assert.That(rewritten.Succeeded, Is.False);
        Assert.That(File.ReadAllBytes(_path), Is.EqualTo(before));
        Assert.That(File.ReadAllText(SamplesPath), Is.EqualTo("{ broken"));
    }

    [Test]
    public void AVersion1FileIsReadWithItsInlineSamplesAndRewrittenInTwoFiles()
    {
        File.WriteAllText(_path, BaselineJsonTests.Version1Text);
        var expected = BaselineJsonTests.Sample();

        var loaded = _store.Load(_path);
        var rewritten = _store.Rewrite(_path, d => d);

        Assert.That(loaded.Status, Is.EqualTo(BaselineLoadStatus.Loaded), loaded.Error);
        Assert.That(loaded.SamplesStatus, Is.EqualTo(BaselineLoadStatus.Loaded), "samples inline, no samples file needed");
        Assert.That(loaded.Document!.Profiles.Single().Value.Benchmarks.Single().Value, Is.EqualTo(expected.Profiles.Single().Value.Benchmarks.Single().Value));
        Assert.That(rewritten.Succeeded, Is.True, rewritten.Error);
        Assert.That(File.ReadAllText(_path), Is.EqualTo(BaselineJsonTests.SampleText));
        Assert.That(File.ReadAllText(SamplesPath), Is.EqualTo(BaselineJsonTests.SamplesText));
        Assert.That(_store.Load(_path).Document!.Profiles.Single().Value.Benchmarks.Single().Value, Is.EqualTo(expected.Profiles.Single().Value.Benchmarks.Single().Value));
    }

    private void Record(params BenchmarkResult[] results)
    {
        var written = _store.Record(_path, Profile(), results, null);
        Assert.That(written.Succeeded, Is.True, written.Error);
    }

    private static BaselineDocument Only(BaselineDocument document, string profileId) =>
        document with { Profiles = document.Profiles.Where(p => p.Key == profileId).ToDictionary() };

    private static string WriteUnder(CultureInfo culture, BaselineDocument document)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return BaselineJson.Write(document);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return text[..index] + replace + text[(index + find.Length)..];
    }
}
