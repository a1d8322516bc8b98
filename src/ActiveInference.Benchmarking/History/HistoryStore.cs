using System.Globalization;
using System.Text.Json;
using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Statistics;
using Microsoft.Data.Sqlite;

namespace ActiveInference.Benchmarking.History;

/// <summary>
/// The suite's history of runs and per-benchmark results in an embedded SQLite database (created on first use, versioned
/// schema); every call writes in its own transaction, so several processes may append at once.
/// </summary>
internal sealed class HistoryStore
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

    /// <summary>One benchmark's points, oldest first, optionally only on <paramref name="machineProfileId"/>; empty when never recorded.</summary>
    public IReadOnlyList<HistoryPoint> Series(string fullName, string? machineProfileId = null)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        return Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r.id, r.timestamp_ticks, r.commit_id, r.branch, r.machine_profile, x.full_name,
                       x.median_ns, x.mean_ns, x.std_dev_ns, x.median_ci_lower_ns, x.median_ci_upper_ns, x.ci_level,
                       x.samples, x.allocated_bytes_per_op, x.normalised_median, x.verdict, x.ratio, x.trustworthy,
                       x.method, x.baseline, x.baseline_commit, x.processes, x.copies_per_side, x.noise_floor,
                       x.ratio_ci_lower, x.ratio_ci_upper, x.ratio_ci_level, x.baseline_raw_median_ns, x.current_raw_median_ns
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
                    IsTrustworthy: reader.GetInt64(17) != 0)
                {
                    Comparison = ReadComparison(reader, 18),
                });
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

    /// <summary>
    /// Replaces the index of a history folder (its runs and anchor links, schema 3) with <paramref name="contents"/>, in
    /// one transaction; the SQLite runs of <see cref="Append"/> are left alone. Returns the number of files indexed.
    /// </summary>
    public int IndexFolder(HistoryFolderContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        return Use(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var clear = connection.CreateCommand())
            {
                clear.Transaction = transaction;
                clear.CommandText = "DELETE FROM anchored_runs;";
                clear.ExecuteNonQuery();
            }

            foreach (var (stored, isLink) in contents.Runs.Select(r => (r, false)).Concat(contents.Links.Select(l => (l, true))))
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO anchored_runs (file, is_link, date_ticks, commit_id, anchor, json) VALUES ($file, $link, $ticks, $commit, $anchor, $json);";
                insert.Parameters.AddWithValue("$file", stored.File);
                insert.Parameters.AddWithValue("$link", isLink ? 1 : 0);
                insert.Parameters.AddWithValue("$ticks", stored.Run.Date.UtcTicks);
                insert.Parameters.AddWithValue("$commit", stored.Run.Commit);
                insert.Parameters.AddWithValue("$anchor", stored.Run.AnchorCommit);
                insert.Parameters.AddWithValue("$json", AnchoredRunJson.Write(stored.Run));
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return contents.Runs.Count + contents.Links.Count;
        });
    }

    /// <summary>The history folder as last indexed by <see cref="IndexFolder"/> (runs oldest first); empty when never indexed.</summary>
    public HistoryFolderContents IndexedFolder() => Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT file, is_link, json FROM anchored_runs ORDER BY date_ticks, file;";
        using var reader = command.ExecuteReader();
        var (runs, links, problems) = (new List<StoredRun>(), new List<StoredRun>(), new List<string>());
        while (reader.Read())
        {
            try
            {
                var stored = new StoredRun(reader.GetString(0), AnchoredRunJson.Parse(reader.GetString(2), $"{Path} ({reader.GetString(0)})"));
                (reader.GetInt64(1) != 0 ? links : runs).Add(stored);
            }
            catch (HistoryFileException error)
            {
                problems.Add($"{error.Message} (skipped)");
            }
        }

        return new HistoryFolderContents(runs, links, problems);
    });

    private static void InsertResult(SqliteConnection connection, SqliteTransaction transaction, long runId, GatedResult gated)
    {
        var (result, gate) = gated;
        var comparison = gate is null ? null : HistoryComparison.From(gate);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO results (run_id, full_name, name, suite, median_ns, mean_ns, std_dev_ns, median_ci_lower_ns,
                                 median_ci_upper_ns, ci_level, samples, allocated_bytes_per_op, normalised_median, verdict, ratio, trustworthy,
                                 method, baseline, baseline_commit, processes, copies_per_side, noise_floor,
                                 ratio_ci_lower, ratio_ci_upper, ratio_ci_level, baseline_raw_median_ns, current_raw_median_ns)
            VALUES ($run, $full, $name, $suite, $median, $mean, $sd, $lower, $upper, $level, $n, $bytes, $normalised, $verdict, $ratio, $trusted,
                    $method, $baseline, $baselineCommit, $processes, $copies, $noise, $ratioLower, $ratioUpper, $ratioLevel, $baselineRaw, $currentRaw);
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
        command.Parameters.AddWithValue("$normalised", result.NormalisedSamples.Count > 0 ? Real(Quantile.MedianOrNaN(result.NormalisedSamples)) : DBNull.Value);
        command.Parameters.AddWithValue("$verdict", (object?)gate?.Verdict.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$ratio", gate?.Ratio is { } ratio ? Real(ratio) : DBNull.Value);
        command.Parameters.AddWithValue("$trusted", result.IsTrustworthy ? 1 : 0);
        command.Parameters.AddWithValue("$method", (object?)comparison?.Method.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$baseline", (object?)comparison?.Baseline ?? DBNull.Value);
        command.Parameters.AddWithValue("$baselineCommit", (object?)comparison?.BaselineCommit ?? DBNull.Value);
        command.Parameters.AddWithValue("$processes", comparison is null ? DBNull.Value : comparison.Processes);
        command.Parameters.AddWithValue("$copies", comparison is null ? DBNull.Value : comparison.CopiesPerSide);
        command.Parameters.AddWithValue("$noise", Real(comparison?.NoiseFloor));
        command.Parameters.AddWithValue("$ratioLower", Real(comparison?.RatioInterval?.Lower));
        command.Parameters.AddWithValue("$ratioUpper", Real(comparison?.RatioInterval?.Upper));
        command.Parameters.AddWithValue("$ratioLevel", Real(comparison?.RatioInterval?.Level));
        command.Parameters.AddWithValue("$baselineRaw", Real(comparison?.BaselineRawMedianNanoseconds));
        command.Parameters.AddWithValue("$currentRaw", Real(comparison?.CurrentRawMedianNanoseconds));
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

    private static object Real(double? value) => value is { } v ? Real(v) : DBNull.Value;

    private static double Real(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    private static double? OptionalReal(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    /// <summary>
    /// The comparison stored from <paramref name="first"/> on (method first); null when the method is NULL (no gate, or
    /// a row from before schema 2).
    /// </summary>
    private static HistoryComparison? ReadComparison(SqliteDataReader reader, int first)
    {
        if (reader.IsDBNull(first))
            return null;
        var (lower, upper, level) = (OptionalReal(reader, first + 6), OptionalReal(reader, first + 7), OptionalReal(reader, first + 8));
        return new HistoryComparison(
            Method: Enum.Parse<ComparisonMethod>(reader.GetString(first)),
            Baseline: reader.IsDBNull(first + 1) ? null : reader.GetString(first + 1),
            BaselineCommit: reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
            Processes: reader.IsDBNull(first + 3) ? 0 : reader.GetInt32(first + 3),
            CopiesPerSide: reader.IsDBNull(first + 4) ? 0 : reader.GetInt32(first + 4),
            NoiseFloor: OptionalReal(reader, first + 5),
            RatioInterval: lower is { } l && upper is { } u && level is { } c ? new ConfidenceInterval(l, u, c) : null,
            BaselineRawMedianNanoseconds: OptionalReal(reader, first + 9),
            CurrentRawMedianNanoseconds: Real(reader, first + 10));
    }

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
