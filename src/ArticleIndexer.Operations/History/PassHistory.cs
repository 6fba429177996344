using System.Globalization;
using ArticleIndexer.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace ArticleIndexer.Operations.History;

/// <summary>
/// The durable record of indexing passes, one row per pass, in the worker's SQLite file (beside the Quartz tables).
/// A pass is written when it starts (status <see cref="PassStatus.Running"/>) and again when it ends, so a pass cut
/// short by a kill shows up, and is marked <see cref="PassStatus.Interrupted"/> by the next process that takes the
/// index lock. The newest <see cref="Kept"/> passes are kept.
/// </summary>
public sealed class PassHistory(string databasePath)
{
    /// <summary>How many passes are kept; older ones are dropped as new ones are written.</summary>
    public const int Kept = 1000;

    private const string Table = "AI_PASS_HISTORY";

    private const string Columns =
        "ID, KIND, TRIGGERED_BY, STATUS, GENERATION, STARTED, FINISHED, SEEN, NEW, CHANGED, UNCHANGED, DELETED, SKIPPED, FAILED, DOCUMENTS, ERROR, PROCESS_ID, HOST";

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; } = Path.GetFullPath(databasePath);

    /// <summary>True when the file exists (a pass or a worker has used it).</summary>
    public bool Exists => File.Exists(DatabasePath);

    /// <summary>Records that a pass started; returns its id.</summary>
    public long Begin(PassKind kind, string triggeredBy, string? generation, DateTimeOffset started)
    {
        using var connection = Open(create: true);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO {Table} (KIND, TRIGGERED_BY, STATUS, GENERATION, STARTED, PROCESS_ID, HOST)
            VALUES ($kind, $by, $status, $generation, $started, $pid, $host);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$kind", Name(kind));
        command.Parameters.AddWithValue("$by", triggeredBy);
        command.Parameters.AddWithValue("$status", Name(PassStatus.Running));
        command.Parameters.AddWithValue("$generation", (object?)generation ?? DBNull.Value);
        command.Parameters.AddWithValue("$started", Time(started));
        command.Parameters.AddWithValue("$pid", Environment.ProcessId);
        command.Parameters.AddWithValue("$host", Environment.MachineName);
        var id = (long)command.ExecuteScalar()!;

        using var trim = connection.CreateCommand();
        trim.CommandText = $"DELETE FROM {Table} WHERE ID <= $id - {Kept}";
        trim.Parameters.AddWithValue("$id", id);
        trim.ExecuteNonQuery();
        return id;
    }

    /// <summary>Records how pass <paramref name="id"/> ended.</summary>
    public void End(long id, PassStatus status, PassSummary summary, string? generation)
    {
        using var connection = Open(create: true);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Table} SET STATUS = $status, GENERATION = $generation, FINISHED = $finished, SEEN = $seen, NEW = $new,
                CHANGED = $changed, UNCHANGED = $unchanged, DELETED = $deleted, SKIPPED = $skipped, FAILED = $failed,
                DOCUMENTS = $documents, ERROR = $error
            WHERE ID = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$status", Name(status));
        command.Parameters.AddWithValue("$generation", (object?)generation ?? DBNull.Value);
        command.Parameters.AddWithValue("$finished", Time(summary.Finished));
        command.Parameters.AddWithValue("$seen", summary.Seen);
        command.Parameters.AddWithValue("$new", summary.New);
        command.Parameters.AddWithValue("$changed", summary.Changed);
        command.Parameters.AddWithValue("$unchanged", summary.Unchanged);
        command.Parameters.AddWithValue("$deleted", summary.Deleted);
        command.Parameters.AddWithValue("$skipped", summary.Skipped);
        command.Parameters.AddWithValue("$failed", summary.Failed);
        command.Parameters.AddWithValue("$documents", summary.Error is null ? summary.Documents : DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)summary.Error ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Marks every pass still <see cref="PassStatus.Running"/> as <see cref="PassStatus.Interrupted"/>. Called by a
    /// process that has just taken the index lock: no pass of another process can be running then.
    /// Returns how many were marked.
    /// </summary>
    public int MarkInterrupted()
    {
        // Creates the file and table when missing (the caller is about to write passes), which also turns on WAL
        // before the Quartz store uses the file, so readers never block the worker.
        using var connection = Open(create: true);
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Table} SET STATUS = $interrupted, ERROR = 'the process running it stopped before the pass ended' WHERE STATUS = $running";
        command.Parameters.AddWithValue("$interrupted", Name(PassStatus.Interrupted));
        command.Parameters.AddWithValue("$running", Name(PassStatus.Running));
        return command.ExecuteNonQuery();
    }

    /// <summary>The newest <paramref name="limit"/> passes, newest first; empty when there is no file yet.</summary>
    public IReadOnlyList<PassRecord> Recent(int limit) =>
        Select("ORDER BY ID DESC LIMIT $limit", command => command.Parameters.AddWithValue("$limit", Math.Max(0, limit)));

    /// <summary>The passes that started after <paramref name="afterId"/>, oldest first.</summary>
    public IReadOnlyList<PassRecord> Since(long afterId) =>
        Select("WHERE ID > $after ORDER BY ID", command => command.Parameters.AddWithValue("$after", afterId));

    /// <summary>The id of the newest pass, or 0.</summary>
    public long LastId() => Recent(1) is [var last] ? last.Id : 0;

    // Reads the rows the SQL tail selects; empty, without creating anything, when there is no file or no table yet.
    private List<PassRecord> Select(string tail, Action<SqliteCommand> bind)
    {
        if (!Exists)
        {
            return [];
        }

        using var connection = Open(create: false);
        if (!TableExists(connection))
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM {Table} {tail}";
        bind(command);
        using var reader = command.ExecuteReader();
        var records = new List<PassRecord>();
        while (reader.Read())
        {
            records.Add(Read(reader));
        }

        return records;
    }

    /// <summary>The connection string of <paramref name="databasePath"/>, shared with the Quartz store.</summary>
    public static string ConnectionString(string databasePath, bool create = true) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath),
        Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly,
        // Pooled connections would keep the file open after the pass; the file is opened a few times per pass.
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    private SqliteConnection Open(bool create)
    {
        if (create)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }

        var connection = new SqliteConnection(ConnectionString(DatabasePath, create));
        connection.Open();
        if (create)
        {
            using var command = connection.CreateCommand();
            // WAL lets `articles status` read while the worker writes; the setting stays with the file.
            command.CommandText = $"""
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS {Table} (
                    ID INTEGER PRIMARY KEY AUTOINCREMENT,
                    KIND TEXT NOT NULL,
                    TRIGGERED_BY TEXT NOT NULL,
                    STATUS TEXT NOT NULL,
                    GENERATION TEXT NULL,
                    STARTED TEXT NOT NULL,
                    FINISHED TEXT NULL,
                    SEEN INTEGER NULL, NEW INTEGER NULL, CHANGED INTEGER NULL, UNCHANGED INTEGER NULL,
                    DELETED INTEGER NULL, SKIPPED INTEGER NULL, FAILED INTEGER NULL, DOCUMENTS INTEGER NULL,
                    ERROR TEXT NULL,
                    PROCESS_ID INTEGER NOT NULL,
                    HOST TEXT NOT NULL);
                """;
            command.ExecuteNonQuery();
        }

        return connection;
    }

    private static bool TableExists(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", Table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static PassRecord Read(SqliteDataReader reader)
    {
        int? Int(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new PassRecord(
            reader.GetInt64(0),
            Enum.Parse<PassKind>(reader.GetString(1), ignoreCase: true),
            reader.GetString(2),
            Enum.Parse<PassStatus>(reader.GetString(3), ignoreCase: true),
            Text(4),
            ParseTime(reader.GetString(5)),
            Text(6) is { } finished ? ParseTime(finished) : null,
            Int(7) ?? 0, Int(8) ?? 0, Int(9) ?? 0, Int(10) ?? 0, Int(11) ?? 0, Int(12) ?? 0, Int(13) ?? 0,
            Int(14),
            Text(15),
            reader.GetInt32(16),
            reader.GetString(17));
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
