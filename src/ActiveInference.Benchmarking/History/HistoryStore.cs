using System.Globalization;
using System.Text.Json;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Reporting;
using ActiveInference.Benchmarking.Statistics;
using Microsoft.Data.Sqlite;

namespace ActiveInference.Benchmarking.History;

/// <summary>
/// The suite's history: every appended run (commit, branch, time, machine profile) with each benchmark's summary
/// and verdict, in an embedded SQLite database. The file (and its directory) is created on first use and its
/// schema is versioned (<c>PRAGMA user_version</c>, see <see cref="CurrentSchemaVersion"/>). Every call opens its
/// own connection and writes in one transaction, so several processes may append at once and a failed append
/// leaves nothing half-written.
/// </summary>
public sealed class HistoryStore
{
    private readonly string _connectionString;
    private readonly IReadOnlyList<string> _migrations;
    private bool _migrated;

    /// <summary>Uses the database at <paramref name="path"/>; nothing is touched until the first call.</summary>
    public HistoryStore(string path)
        : this(path, HistorySchema.Migrations)
    {
    }

    /// <summary>With a custom migration list: the hook tests use to check an upgrade from an older schema.</summary>
    internal HistoryStore(string path, IReadOnlyList<string> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _migrations = migrations;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Schema version this code writes and reads.</summary>
    public static int CurrentSchemaVersion => HistorySchema.CurrentVersion;

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Schema version of the database file (creating it at the current version when missing).</summary>
    public int SchemaVersion() => Use(connection => HistorySchema.ReadVersion(connection));

    /// <summary>Appends <paramref name="report"/> as one run with a row per benchmark; returns the run's id.</summary>
    /// <exception cref="HistoryStoreException">The database cannot be written, or the report names a benchmark twice.</exception>
    public long Append(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Use(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            long runId;
            using (var run = connection.CreateCommand())
            {
                run.Transaction = transaction;
                run.CommandText = """
                    INSERT INTO runs (suite, timestamp_utc, timestamp_ticks, commit_id, branch, machine_profile, machine_description, config_json)
                    VALUES ($suite, $time, $ticks, $commit, $branch, $profile, $description, $config)
                    RETURNING id;
                    """;
                run.Parameters.AddWithValue("$suite", report.Suite);
                run.Parameters.AddWithValue("$time", report.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                run.Parameters.AddWithValue("$ticks", report.Timestamp.UtcTicks);
                run.Parameters.AddWithValue("$commit", (object?)report.Commit ?? DBNull.Value);
                run.Parameters.AddWithValue("$branch", (object?)report.Branch ?? DBNull.Value);
                run.Parameters.AddWithValue("$profile", report.MachineProfileId);
                run.Parameters.AddWithValue("$description", report.MachineProfileDescription);
                run.Parameters.AddWithValue("$config", JsonSerializer.Serialize(new SortedDictionary<string, string>(report.Config.ToDictionary(), StringComparer.Ordinal)));
                runId = (long)run.ExecuteScalar()!;
            }

            foreach (var result in report.OrderedResults())
            {
                InsertResult(connection, transaction, runId, result);
            }

            transaction.Commit();
            return runId;
        });
    }

    /// <summary>
    /// One benchmark's points over time, oldest first (by run time, then by order of appending), optionally only
    /// those measured on <paramref name="machineProfileId"/>. Empty for a benchmark never recorded.
    /// </summary>
    public IReadOnlyList<HistoryPoint> Series(string fullName, string? machineProfileId = null)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        return Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r.id, r.timestamp_ticks, r.commit_id, r.branch, r.machine_profile, x.full_name,
                       x.median_ns, x.mean_ns, x.std_dev_ns, x.median_ci_lower_ns, x.median_ci_upper_ns, x.ci_level,
                       x.samples, x.allocated_bytes_per_op, x.normalised_median, x.verdict, x.ratio, x.trustworthy
                FROM results x JOIN runs r ON r.id = x.run_id
                WHERE x.full_name = $name AND ($profile IS NULL OR r.machine_profile = $profile)
                ORDER BY r.timestamp_ticks, r.id;
                """;
            command.Parameters.AddWithValue("$name", fullName);
            command.Parameters.AddWithValue("$profile", (object?)machineProfileId ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var points = new List<HistoryPoint>();
            while (reader.Read())
            {
                points.Add(new HistoryPoint(
                    RunId: reader.GetInt64(0),
                    Timestamp: new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                    Commit: reader.IsDBNull(2) ? null : reader.GetString(2),
                    Branch: reader.IsDBNull(3) ? null : reader.GetString(3),
                    MachineProfileId: reader.GetString(4),
                    FullName: reader.GetString(5),
                    MedianNanoseconds: Real(reader, 6),
                    MeanNanoseconds: Real(reader, 7),
                    StandardDeviationNanoseconds: Real(reader, 8),
                    MedianInterval: new ConfidenceInterval(Real(reader, 9), Real(reader, 10), Real(reader, 11)),
                    Samples: reader.GetInt32(12),
                    AllocatedBytesPerOperation: Real(reader, 13),
                    NormalisedMedian: reader.IsDBNull(14) ? null : reader.GetDouble(14),
                    Verdict: reader.IsDBNull(15) ? null : Enum.Parse<Verdict>(reader.GetString(15)),
                    Ratio: reader.IsDBNull(16) ? null : reader.GetDouble(16),
                    IsTrustworthy: reader.GetInt64(17) != 0));
            }

            return (IReadOnlyList<HistoryPoint>)points;
        });
    }

    /// <summary>Full names of every benchmark recorded (optionally on one machine profile), ordinal order.</summary>
    public IReadOnlyList<string> Benchmarks(string? machineProfileId = null) => Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT x.full_name FROM results x JOIN runs r ON r.id = x.run_id
            WHERE $profile IS NULL OR r.machine_profile = $profile;
            """;
        command.Parameters.AddWithValue("$profile", (object?)machineProfileId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        names.Sort(StringComparer.Ordinal);
        return (IReadOnlyList<string>)names;
    });

    private static void InsertResult(SqliteConnection connection, SqliteTransaction transaction, long runId, BenchmarkResult result)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO results (run_id, full_name, name, suite, median_ns, mean_ns, std_dev_ns, median_ci_lower_ns,
                                 median_ci_upper_ns, ci_level, samples, allocated_bytes_per_op, normalised_median, verdict, ratio, trustworthy)
            VALUES ($run, $full, $name, $suite, $median, $mean, $sd, $lower, $upper, $level, $n, $bytes, $normalised, $verdict, $ratio, $trusted);
            """;
        var time = result.Time;
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$full", result.FullName);
        command.Parameters.AddWithValue("$name", result.Name);
        command.Parameters.AddWithValue("$suite", result.Suite);
        command.Parameters.AddWithValue("$median", Real(time.Median));
        command.Parameters.AddWithValue("$mean", Real(time.Mean));
        command.Parameters.AddWithValue("$sd", Real(time.StandardDeviation));
        command.Parameters.AddWithValue("$lower", Real(time.MedianInterval.Lower));
        command.Parameters.AddWithValue("$upper", Real(time.MedianInterval.Upper));
        command.Parameters.AddWithValue("$level", Real(time.MedianInterval.Level));
        command.Parameters.AddWithValue("$n", time.N);
        command.Parameters.AddWithValue("$bytes", Real(result.AllocatedBytesPerOperation));
        command.Parameters.AddWithValue("$normalised", result.NormalisedSamples.Count > 0 ? Real(Quantiles.Median(result.NormalisedSamples)) : DBNull.Value);
        command.Parameters.AddWithValue("$verdict", (object?)result.Gate?.Verdict.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$ratio", result.Gate?.Ratio is { } ratio ? Real(ratio) : DBNull.Value);
        command.Parameters.AddWithValue("$trusted", result.IsTrustworthy ? 1 : 0);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException error) when (error.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException($"the run holds benchmark '{result.FullName}' twice", error);
        }
    }

    /// <summary>NaN and infinity are stored as NULL (SQLite would turn NaN into NULL anyway) and read back as NaN.</summary>
    private static object Real(double value) => double.IsFinite(value) ? value : DBNull.Value;

    private static double Real(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    private T Use<T>(Func<SqliteConnection, T> work)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            if (!_migrated)
            {
                if (!HistorySchema.Migrate(connection, _migrations))
                {
                    throw new HistoryStoreException(Path, $"schema version {HistorySchema.ReadVersion(connection)} is newer than this tool's {_migrations.Count}; update the tool");
                }

                _migrated = true;
            }

            return work(connection);
        }
        catch (SqliteException error)
        {
            throw new HistoryStoreException(Path, "cannot use the history database: " + error.Message, error);
        }
        catch (InvalidOperationException error)
        {
            throw new HistoryStoreException(Path, error.Message, error);
        }
        catch (IOException error)
        {
            throw new HistoryStoreException(Path, "cannot create the history database: " + error.Message, error);
        }
    }
}
