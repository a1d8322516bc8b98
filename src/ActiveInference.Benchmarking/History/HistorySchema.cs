using Microsoft.Data.Sqlite;

namespace ActiveInference.Benchmarking.History;

/// <summary>The history database's migrations, in order; the version is <c>PRAGMA user_version</c>. Append, never edit a shipped one.</summary>
internal static class HistorySchema
{
    /// <summary>Migration <c>i</c> takes a database from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            suite TEXT NOT NULL,
            timestamp_utc TEXT NOT NULL,
            timestamp_ticks INTEGER NOT NULL,
            commit_id TEXT,
            branch TEXT,
            machine_profile TEXT NOT NULL,
            machine_description TEXT NOT NULL,
            config_json TEXT NOT NULL
        );
        CREATE TABLE results (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            full_name TEXT NOT NULL,
            name TEXT NOT NULL,
            suite TEXT NOT NULL,
            median_ns REAL,
            mean_ns REAL,
            std_dev_ns REAL,
            median_ci_lower_ns REAL,
            median_ci_upper_ns REAL,
            ci_level REAL,
            samples INTEGER NOT NULL,
            allocated_bytes_per_op REAL,
            normalised_median REAL,
            verdict TEXT,
            ratio REAL,
            trustworthy INTEGER NOT NULL,
            PRIMARY KEY (run_id, full_name)
        );
        CREATE INDEX results_by_benchmark ON results (full_name);
        CREATE INDEX runs_by_time ON runs (timestamp_ticks);
        """,
        """
        ALTER TABLE results ADD COLUMN method TEXT;
        ALTER TABLE results ADD COLUMN baseline TEXT;
        ALTER TABLE results ADD COLUMN baseline_commit TEXT;
        ALTER TABLE results ADD COLUMN processes INTEGER;
        ALTER TABLE results ADD COLUMN copies_per_side INTEGER;
        ALTER TABLE results ADD COLUMN noise_floor REAL;
        ALTER TABLE results ADD COLUMN ratio_ci_lower REAL;
        ALTER TABLE results ADD COLUMN ratio_ci_upper REAL;
        ALTER TABLE results ADD COLUMN ratio_ci_level REAL;
        ALTER TABLE results ADD COLUMN baseline_raw_median_ns REAL;
        ALTER TABLE results ADD COLUMN current_raw_median_ns REAL;
        """,
        """
        CREATE TABLE anchored_runs (
            file TEXT PRIMARY KEY,
            is_link INTEGER NOT NULL,
            date_ticks INTEGER NOT NULL,
            commit_id TEXT NOT NULL,
            anchor TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX anchored_runs_by_commit ON anchored_runs (commit_id);
        """,
    ];

    /// <summary>The version a database has after every migration.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Reads <c>PRAGMA user_version</c>.</summary>
    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database to <see cref="CurrentVersion"/> in an immediate transaction; false (nothing changed) when it is newer.</summary>
    public static bool Migrate(SqliteConnection connection, IReadOnlyList<string> migrations)
    {
        if (ReadVersion(connection) == migrations.Count)
        {
            return true;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var version = ReadVersion(connection, transaction);
        if (version > migrations.Count)
        {
            return false;
        }

        for (var next = version; next < migrations.Count; next++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migrations[next] + $"\nPRAGMA user_version = {next + 1};";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }
}
