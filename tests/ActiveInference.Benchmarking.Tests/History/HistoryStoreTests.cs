using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.History;
using ActiveInference.Benchmarking.Statistics;
using ActiveInference.Benchmarking.Tests.Reporting;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.History;

public class HistoryStoreTests : TemporaryFolderTest
{
    private const string FreeEnergy = "ActiveInference.Core.PerfTests.FreeEnergy.FreeEnergy(10)";

    private string DatabasePath => Path.Combine(Folder, "nested", "history.db");

    [Test]
    public void TheDatabaseAndItsSchemaAreCreatedOnFirstUse()
    {
        var store = new HistoryStore(DatabasePath);
        Assert.That(File.Exists(DatabasePath), Is.False, "nothing is touched before the first call");

        Assert.That(store.SchemaVersion(), Is.EqualTo(HistoryStore.CurrentSchemaVersion));
        Assert.That(File.Exists(DatabasePath), Is.True);
        Assert.That(store.Benchmarks(), Is.Empty);
    }

    [Test]
    public void TwoRunsReadBackAfterReopeningOrderedByDate()
    {
        var later = Run(SampleRun.Time.AddDays(1), "bbbb", 4_000);
        var earlier = Run(SampleRun.Time, "aaaa", 3_634.25);
        var first = new HistoryStore(DatabasePath);
        var laterId = first.Append(later);
        var earlierId = first.Append(earlier);

        var series = new HistoryStore(DatabasePath).Series(FreeEnergy);

        Assert.That(series.Select(p => p.Commit), Is.EqualTo(new[] { "aaaa", "bbbb" }));
        Assert.That(series.Select(p => p.RunId), Is.EqualTo(new[] { earlierId, laterId }));
        var point = series[0];
        var expected = earlier.Results.Single(r => r.Measured.FullName == FreeEnergy).Measured;
        Assert.Multiple(() =>
        {
            Assert.That(point.Timestamp, Is.EqualTo(SampleRun.Time));
            Assert.That(point.Branch, Is.EqualTo("main"));
            Assert.That(point.MachineProfileId, Is.EqualTo("linux-x64-2cpu"));
            Assert.That(point.MedianNanoseconds, Is.EqualTo(expected.Time.Median));
            Assert.That(point.MeanNanoseconds, Is.EqualTo(expected.Time.Mean));
            Assert.That(point.StandardDeviationNanoseconds, Is.EqualTo(expected.Time.StandardDeviation));
            Assert.That(point.MedianInterval, Is.EqualTo(expected.Time.MedianInterval));
            Assert.That(point.Samples, Is.EqualTo(5));
            Assert.That(point.AllocatedBytesPerOperation, Is.EqualTo(0));
            Assert.That(point.NormalisedMedian, Is.EqualTo(0.25).Within(1e-12));
            Assert.That(point.Verdict, Is.EqualTo(Verdict.Passed));
            Assert.That(point.Ratio, Is.EqualTo(1.012));
            Assert.That(point.IsTrustworthy, Is.True);
        });
        Assert.That(new HistoryStore(DatabasePath).Benchmarks(), Has.Count.EqualTo(3));
    }

    [Test]
    public void SeriesCanBeLimitedToOneMachineProfile()
    {
        var store = new HistoryStore(DatabasePath);
        store.Append(Run(SampleRun.Time, "a", 100));
        store.Append(Run(SampleRun.Time.AddHours(1), "b", 100) with { MachineProfileId = "other" });

        Assert.That(store.Series(FreeEnergy).Select(p => p.Commit), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(store.Series(FreeEnergy, "other").Select(p => p.Commit), Is.EqualTo(new[] { "b" }));
        Assert.That(store.Series("never.recorded"), Is.Empty);
    }

    [Test]
    public void NaNIsStoredAndReadBackAsNaN()
    {
        var store = new HistoryStore(DatabasePath);
        store.Append(SampleRun.Create(SampleRun.Result(FreeEnergy, "FreeEnergy(10)", "S", double.NaN)) with { Commit = null, Branch = null });

        var point = store.Series(FreeEnergy).Single();

        Assert.That(point.MedianNanoseconds, Is.NaN);
        Assert.That(point.Commit, Is.Null);
        Assert.That(point.Verdict, Is.Null);
    }

    [Test]
    public void ARunNamingABenchmarkTwiceIsRefusedWhole()
    {
        var store = new HistoryStore(DatabasePath);
        var twice = SampleRun.Create(SampleRun.Result("S.A", "A", "S", 1), SampleRun.Result("S.A", "A", "S", 2));

        var error = Assert.Throws<HistoryStoreException>(() => store.Append(twice))!;

        Assert.That(error.Message, Does.Contain("'S.A' twice"));
        Assert.That(store.Benchmarks(), Is.Empty, "the transaction rolled back");
    }

    [Test]
    public void AFileThatIsNotADatabaseGivesAClearError()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        File.WriteAllText(DatabasePath, "this is not SQLite, just text that happens to be long enough to fill a header page........");

        var error = Assert.Throws<HistoryStoreException>(() => new HistoryStore(DatabasePath).Series(FreeEnergy))!;

        Assert.That(error.Message, Does.StartWith(Path.GetFullPath(DatabasePath) + ": "));
    }

    [Test]
    public void ADatabaseFromANewerSchemaIsRefusedAndLeftAlone()
    {
        new HistoryStore(DatabasePath).SchemaVersion();
        SetUserVersion(99);

        var error = Assert.Throws<HistoryStoreException>(() => new HistoryStore(DatabasePath).Series(FreeEnergy))!;

        Assert.That(error.Message, Does.Contain("schema version 99 is newer"));
        Assert.That(ReadUserVersion(), Is.EqualTo(99));
    }

    [Test]
    public void AnOlderDatabaseIsMigratedAndKeepsItsRuns()
    {
        var v1 = new HistoryStore(DatabasePath);
        v1.Append(Run(SampleRun.Time, "a", 100));

        var v2 = new HistoryStore(DatabasePath, [.. HistorySchema.Migrations, "ALTER TABLE runs ADD COLUMN note TEXT;"]);

        Assert.That(v2.SchemaVersion(), Is.EqualTo(HistoryStore.CurrentSchemaVersion + 1));
        Assert.That(v2.Series(FreeEnergy).Select(p => p.Commit), Is.EqualTo(new[] { "a" }));
        Assert.That(v2.Append(Run(SampleRun.Time.AddDays(1), "b", 100)), Is.GreaterThan(0));
    }

    [Test]
    public void HowEachVerdictWasMeasuredReadsBack()
    {
        var store = new HistoryStore(DatabasePath);
        store.Append(SampleRun.Create());

        var paired = store.Series("ActiveInference.Core.PerfTests.Inference.Update(1000)").Single().Comparison;
        var recorded = store.Series(FreeEnergy).Single().Comparison;
        var ungated = store.Series(store.Benchmarks().Single(n => n.Contains("a|b", StringComparison.Ordinal))).Single().Comparison;

        Assert.Multiple(() =>
        {
            Assert.That(paired, Is.EqualTo(new HistoryComparison(ComparisonMethod.Paired, "commit 1b56a1b", SampleRun.PairedCommit, 3, 4, 0.021,
                new ConfidenceInterval(1.18, 1.29, 0.997), 1_225_000, 1_512_345.6)));
            Assert.That(recorded, Is.EqualTo(new HistoryComparison(ComparisonMethod.Recorded, "the recorded numbers of 2025-02-27", SampleRun.RecordedCommit, 1, 0, 0.034,
                new ConfidenceInterval(0.99, 1.03, 0.99), 3_590, 3_634.25)));
            Assert.That(ungated, Is.Null, "no gate ran");
        });
    }

    [Test]
    public void ADatabaseWrittenBySchema1OpensGetsTheNewColumnsAndKeepsItsRuns()
    {
        WriteSchema1Database();

        var store = new HistoryStore(DatabasePath);
        var old = store.Series(FreeEnergy).Single();

        Assert.That(store.SchemaVersion(), Is.EqualTo(HistoryStore.CurrentSchemaVersion));
        Assert.That(ResultColumns(), Is.SupersetOf(new[]
        {
            "method", "baseline", "baseline_commit", "processes", "copies_per_side", "noise_floor",
            "ratio_ci_lower", "ratio_ci_upper", "ratio_ci_level", "baseline_raw_median_ns", "current_raw_median_ns",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(old.Commit, Is.EqualTo("v1commit"));
            Assert.That(old.MedianNanoseconds, Is.EqualTo(3_634.25));
            Assert.That(old.Verdict, Is.EqualTo(Verdict.Passed));
            Assert.That(old.Ratio, Is.EqualTo(1.012));
            Assert.That(old.Comparison, Is.Null, "schema 1 did not say how the verdict was measured");
        });

        store.Append(Run(SampleRun.Time.AddDays(1), "v2commit", 3_700));
        var series = new HistoryStore(DatabasePath).Series(FreeEnergy);
        Assert.That(series.Select(p => p.Commit), Is.EqualTo(new[] { "v1commit", "v2commit" }));
        Assert.That(series[1].Comparison?.Method, Is.EqualTo(ComparisonMethod.Recorded));
    }

    [Test]
    public void TwoStoresAppendingAtOnceLoseNothing()
    {
        var tasks = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => new HistoryStore(DatabasePath).Append(Run(SampleRun.Time.AddMinutes(i), "c" + i, 100))))
            .ToArray();
        Task.WaitAll(tasks);

        Assert.That(new HistoryStore(DatabasePath).Series(FreeEnergy), Has.Count.EqualTo(8));
    }

    private static RunReport Run(DateTimeOffset time, string commit, double freeEnergyMedian)
    {
        var results = SampleRun.Default()
            .Select(r => r.Measured.FullName == FreeEnergy ? SampleRun.Result(r.Measured.FullName, r.Measured.Name, r.Measured.Suite, freeEnergyMedian, r.Gate) : r)
            .ToArray();
        return SampleRun.Create(results) with { Timestamp = time, Commit = commit };
    }

    /// <summary>A database as the schema 1 code wrote it: its migration, then one run inserted with its column list.</summary>
    private void WriteSchema1Database()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        Assert.That(HistorySchema.Migrate(connection, [HistorySchema.Migrations[0]]), Is.True);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (suite, timestamp_utc, timestamp_ticks, commit_id, branch, machine_profile, machine_description, config_json)
            VALUES ('ActiveInference.Core.PerfTests', '2025-03-01T12:30:45.0000000Z', $ticks, 'v1commit', 'main', 'linux-x64-2cpu', '', '{}');
            INSERT INTO results (run_id, full_name, name, suite, median_ns, mean_ns, std_dev_ns, median_ci_lower_ns,
                                 median_ci_upper_ns, ci_level, samples, allocated_bytes_per_op, normalised_median, verdict, ratio, trustworthy)
            VALUES (last_insert_rowid(), $name, 'FreeEnergy(10)', 'ActiveInference.Core.PerfTests.FreeEnergy', 3634.25, 3656.0, 98.2, 3597.9, 3670.6, 0.95,
                    5, 0, 0.25, 'Passed', 1.012, 1);
            """;
        command.Parameters.AddWithValue("$ticks", SampleRun.Time.UtcTicks);
        command.Parameters.AddWithValue("$name", FreeEnergy);
        command.ExecuteNonQuery();
        Assert.That(HistorySchema.ReadVersion(connection), Is.EqualTo(1));
    }

    private List<string> ResultColumns()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('results');";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private void SetUserVersion(int version)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version};";
        command.ExecuteNonQuery();
    }

    private int ReadUserVersion()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
