using System.Text.Json;
using ArticleIndexer.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ArticleIndexer.Cli.Tests;

/// <summary><c>schedule</c> on stores built in-process by the worker's installer; the real worker's is in <see cref="WorkerRequestProcessTests"/>.</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ScheduleJson_GivesBothJobsWithCronTimeZoneStateAndNextFire()
    {
        await FakeWorker.InstallScheduleAsync(temp.Database, runOnStart: false);

        var run = await temp.RunAsync("schedule", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal(temp.Database, root.GetProperty("database").GetString());
        Assert.False(root.GetProperty("workerRunning").GetBoolean());
        var jobs = root.GetProperty("jobs").EnumerateArray().ToArray();
        Assert.Equal(["incremental", "rebuild"], jobs.Select(j => j.GetProperty("job").GetString()));
        Assert.Equal([FakeWorker.IncrementalCron, FakeWorker.RebuildCron], jobs.Select(j => j.GetProperty("cron").GetString()));
        Assert.Equal(["incremental-schedule", "rebuild-schedule"], jobs.Select(j => j.GetProperty("trigger").GetString()));
        foreach (var job in jobs)
        {
            Assert.Equal("UTC", job.GetProperty("timeZone").GetString());
            Assert.Equal("waiting", job.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, job.GetProperty("previousFire").ValueKind);
            var next = job.GetProperty("nextFire").GetDateTime();
            Assert.Equal(DateTimeKind.Utc, next.Kind);
            Assert.True(next > DateTime.UtcNow && next < DateTime.UtcNow.AddDays(8), $"next fire {next:O}");
        }

        Assert.Empty(root.GetProperty("pending").EnumerateArray());
    }

    [Fact]
    public async Task Schedule_ListsTheStartUpPass_AsPending()
    {
        await FakeWorker.InstallScheduleAsync(temp.Database, runOnStart: true);

        var run = await temp.RunAsync("schedule");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains($"store        {temp.Database}", lines);
        Assert.Contains("worker       not running", lines);
        Assert.Contains(lines, l => l.StartsWith("incremental  0 0/15 * * * ?  UTC        waiting  never ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("rebuild      0 0 3 ? * SUN   UTC        waiting  never ", StringComparison.Ordinal));
        Assert.Contains("One-off passes waiting or running (times UTC)", lines);
        Assert.Contains(lines, l => l.StartsWith("incremental  start-up pass  waiting  ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_WithNoWorkerDatabase_SaysNoWorkerHasRun_AndExitsWithThree()
    {
        var run = await temp.RunAsync("schedule");

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"articles: No worker has run on the index '{temp.Index}': there is no worker database at '{temp.Database}'.", line);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(temp.Database));
    }

    [Fact]
    public async Task Schedule_OnADatabaseWithOnlyPasses_SaysItHoldsNoSchedule_AndLeavesItAlone()
    {
        Assert.Null(temp.RunPass().Summary.Error);

        var run = await temp.RunAsync("schedule");

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"articles: The worker database '{temp.Database}' holds no schedule", line);
        Assert.DoesNotContain(Tables(temp.Database), t => t.StartsWith("QRTZ_", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Schedule_OnAFileThatIsNotADatabase_ExitsWithThreeAndOneLine()
    {
        Directory.CreateDirectory(temp.Index);
        await File.WriteAllTextAsync(temp.Database, "not a database");

        var run = await temp.RunAsync("schedule");

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("cannot be read", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    private static List<string> Tables(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
