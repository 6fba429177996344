using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ArticleIndexer.Operations.Tests.History;

/// <summary>The pass history in a temp SQLite file.</summary>
public sealed class PassHistoryTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly PassHistory history;

    public PassHistoryTests() => history = new PassHistory(temp.Combine("index", "worker.db"));

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Reading_AMissingFile_FindsNothing_AndCreatesNothing()
    {
        Assert.False(history.Exists);
        Assert.Empty(history.Recent(10));
        Assert.Empty(history.Since(0));
        Assert.Equal(0, history.LastId());
        Assert.False(File.Exists(history.DatabasePath));
        Assert.False(Directory.Exists(temp.Combine("index")));
    }

    [Fact]
    public void MarkInterrupted_CreatesTheHistoryInWalMode_ForTheWriterThatCallsIt()
    {
        Assert.Equal(0, history.MarkInterrupted());

        Assert.True(history.Exists);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(PassHistory.ConnectionString(history.DatabasePath, create: false));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)command.ExecuteScalar());
        Assert.Empty(history.Recent(10));
    }

    [Fact]
    public void Recent_IsEmpty_ForADatabaseWithoutTheHistoryTable()
    {
        Directory.CreateDirectory(temp.Combine("index"));
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = history.DatabasePath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE QRTZ_LOCKS (SCHED_NAME TEXT, LOCK_NAME TEXT)";
            command.ExecuteNonQuery();
        }

        Assert.Empty(history.Recent(10));
    }

    [Fact]
    public void BeginAndEnd_KeepEveryFigureOfThePass()
    {
        var summary = Some.Summary();

        var id = history.Begin(PassKind.Rebuild, "missed schedule", "gen-000002", summary.Started);
        history.End(id, PassStatus.Completed, summary, "gen-000003");

        var expected = new PassRecord(
            id, PassKind.Rebuild, "missed schedule", PassStatus.Completed, "gen-000003", summary.Started, summary.Finished,
            Seen: 21, New: 1, Changed: 2, Unchanged: 3, Deleted: 4, Skipped: 5, Failed: 6, Documents: 7, Error: null,
            Environment.ProcessId, Environment.MachineName);
        var record = Assert.Single(history.Recent(10));
        Assert.Equal(expected, record);
        Assert.Equal(TimeSpan.Zero, record.Started.Offset);
        Assert.Equal(TimeSpan.FromMinutes(2), record.Duration);
    }

    [Fact]
    public void Begin_RecordsARunningPass_WithNoFiguresYet()
    {
        var id = history.Begin(PassKind.Incremental, "schedule", null, Some.Time());

        var record = Assert.Single(history.Recent(10));
        Assert.Equal((id, PassKind.Incremental, "schedule", PassStatus.Running, null), (record.Id, record.Kind, record.TriggeredBy, record.Status, record.Generation));
        Assert.Equal((null, null, null, 0, 0), (record.Finished, record.Duration, record.Documents, record.Seen, record.New));
    }

    [Fact]
    public void End_KeepsTheError_AndNoDocumentCount_WhenThePassFailed()
    {
        var id = history.Begin(PassKind.Rebuild, "--rebuild", "gen-000002", Some.Time());

        history.End(id, PassStatus.Failed, Some.Summary() with { Seen = 0, Error = "the source folder '/x' does not exist" }, "gen-000002");

        var record = Assert.Single(history.Recent(10));
        Assert.Equal((PassStatus.Failed, "the source folder '/x' does not exist", null), (record.Status, record.Error, record.Documents));
    }

    [Fact]
    public void Recent_ListsTheNewestFirst_UpToTheLimit()
    {
        var ids = Enumerable.Range(0, 5).Select(i => history.Begin(PassKind.Incremental, $"pass {i}", null, Some.Time(i))).ToList();

        Assert.Equal([ids[4], ids[3], ids[2]], history.Recent(3).Select(r => r.Id));
        Assert.Equal(5, history.Recent(100).Count);
        Assert.Empty(history.Recent(0));
        Assert.Empty(history.Recent(-1));
    }

    [Fact]
    public void Since_ListsThePassesAfterAnId_OldestFirst()
    {
        var ids = Enumerable.Range(0, 4).Select(i => history.Begin(PassKind.Incremental, $"pass {i}", null, Some.Time(i))).ToList();

        Assert.Equal([ids[2], ids[3]], history.Since(ids[1]).Select(r => r.Id));
        Assert.Equal(ids[3], history.LastId());
        Assert.Empty(history.Since(ids[3]));
    }

    [Fact]
    public void MarkInterrupted_MarksOnlyThePassesStillRunning()
    {
        var completed = history.Begin(PassKind.Incremental, "schedule", "gen-000001", Some.Time());
        history.End(completed, PassStatus.Completed, Some.Summary(), "gen-000001");
        var killed = history.Begin(PassKind.Rebuild, "schedule", "gen-000002", Some.Time(1));
        var alsoKilled = history.Begin(PassKind.Incremental, "request", "gen-000001", Some.Time(2));

        Assert.Equal(2, history.MarkInterrupted());
        Assert.Equal(0, history.MarkInterrupted());

        var records = history.Recent(10).ToDictionary(r => r.Id);
        Assert.Equal((PassStatus.Completed, null), (records[completed].Status, records[completed].Error));
        Assert.All([records[killed], records[alsoKilled]], record =>
        {
            Assert.Equal(PassStatus.Interrupted, record.Status);
            Assert.Null(record.Finished);
            Assert.Equal("the process running it stopped before the pass ended", record.Error);
        });
    }

    [Fact]
    public void Begin_KeepsOnlyTheNewestPasses()
    {
        var first = history.Begin(PassKind.Incremental, "schedule", null, Some.Time());
        // A full history, written straight into the table: a thousand Begin calls take seconds.
        InsertPasses(PassHistory.Kept);

        var last = history.Begin(PassKind.Incremental, "schedule", null, Some.Time());

        var kept = history.Recent(PassHistory.Kept + 10);
        Assert.Equal(PassHistory.Kept, kept.Count);
        Assert.Equal(last, kept[0].Id);
        Assert.Equal(last - PassHistory.Kept + 1, kept[^1].Id);
        Assert.True(kept[^1].Id > first + 1);
    }

    // The history's table, as the worker's database holds it.
    private void InsertPasses(int count)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = history.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO AI_PASS_HISTORY (KIND, TRIGGERED_BY, STATUS, STARTED, PROCESS_ID, HOST) VALUES ('incremental', 'schedule', 'completed', '2026-11-22T03:00:00.000Z', 1, 'host')";
        for (var i = 0; i < count; i++)
        {
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
