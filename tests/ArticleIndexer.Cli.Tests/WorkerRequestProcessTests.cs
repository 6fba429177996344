using System.Diagnostics;
using System.Text;
using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Operations.History;

namespace ArticleIndexer.Cli.Tests;

/// <summary>
/// End to end, two real processes: a scheduled worker (<c>dotnet ArticleIndexer.Worker.dll</c>) and <c>articles</c>
/// asking it for a pass through the Quartz store they share.
/// </summary>
public sealed class WorkerRequestProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Reindex_FromAnotherProcess_IsPickedUpByTheRunningWorker()
    {
        // The incremental schedule never fires in this test (2099), so every pass is the start-up one or the request.
        var start = Processes.Dotnet(
            Processes.Worker,
            temp.Root,
            "--index", temp.Index, "--source", temp.Seeds, "--incremental-schedule", "0 0 0 1 1 ? 2099");
        // Look for requests every second (Quartz's shortest idle wait) rather than every 5 s, to keep the test short.
        start.Environment["ARTICLEINDEXER_Indexer__PollSeconds"] = "1";
        var workerLog = new StringBuilder();
        using var worker = Process.Start(start)!;
        worker.ErrorDataReceived += (_, e) => { lock (workerLog) { workerLog.AppendLine(e.Data); } };
        worker.OutputDataReceived += (_, e) => { lock (workerLog) { workerLog.AppendLine(e.Data); } };
        worker.BeginErrorReadLine();
        worker.BeginOutputReadLine();
        try
        {
            var startup = await WaitForPassAsync(worker, workerLog, p => p.TriggeredBy == "start-up" && p.Status == PassStatus.Completed);
            Assert.Equal(5, startup.New);
            File.AppendAllText(temp.Seed(Seeds.Agree002), "\n\nA paragraph added while the worker runs, by the CLI tests.\n");

            var (exitCode, stdout, stderr) = await Processes.ArticlesAsync(temp.Root, "reindex", "--wait", "--index", temp.Index);

            Assert.True(exitCode == ExitCodes.Ok, $"exit code {exitCode}: {stderr}\nworker: {Log(workerLog)}");
            Assert.Equal(string.Empty, stderr);
            var lines = stdout.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"Asked the running worker (pid {worker.Id} on ", lines[0]);
            Assert.Contains("to run an incremental pass; it starts within a few seconds. Follow it with `articles status`.", lines[0]);
            Assert.StartsWith("The worker ran pass #2: 5 files seen, 1 indexed (0 new, 1 changed), 4 unchanged", lines[1]);
            var requested = Assert.Single(temp.History.Since(startup.Id));
            Assert.Equal((PassKind.Incremental, "request", PassStatus.Completed, 1, 5), (requested.Kind, requested.TriggeredBy, requested.Status, requested.Changed, requested.Documents));
            Assert.Equal(worker.Id, requested.ProcessId);

            var schedule = await Processes.ArticlesAsync(temp.Root, "schedule", "--json", "--index", temp.Index);

            Assert.True(schedule.ExitCode == ExitCodes.Ok, schedule.Stderr);
            using var json = CliJson.Parse(schedule.Stdout);
            var root = json.RootElement;
            Assert.True(root.GetProperty("workerRunning").GetBoolean());
            Assert.Equal(worker.Id, root.GetProperty("lockHolder").GetProperty("processId").GetInt32());
            var jobs = root.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("job").GetString()!);
            Assert.Equal("0 0 0 1 1 ? 2099", jobs["incremental"].GetProperty("cron").GetString());
            Assert.Equal("0 0 3 ? * SUN", jobs["rebuild"].GetProperty("cron").GetString());
            Assert.Equal(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), jobs["incremental"].GetProperty("nextFire").GetDateTime());
            Assert.True(jobs["rebuild"].GetProperty("nextFire").GetDateTime() > DateTime.UtcNow);
            Assert.All(jobs.Values, job => Assert.Equal("UTC", job.GetProperty("timeZone").GetString()));
            Assert.Empty(root.GetProperty("pending").EnumerateArray());
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    private async Task<PassRecord> WaitForPassAsync(Process worker, StringBuilder workerLog, Func<PassRecord, bool> wanted)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(worker.HasExited, $"The worker exited with {(worker.HasExited ? worker.ExitCode : 0)}: {Log(workerLog)}");
            if (temp.History.Exists && temp.History.Recent(10).FirstOrDefault(wanted) is { } pass)
            {
                return pass;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The worker recorded no such pass within {StartTimeout}: {Log(workerLog)}");
        return null!;
    }

    private static string Log(StringBuilder workerLog)
    {
        lock (workerLog)
        {
            return workerLog.ToString();
        }
    }
}
