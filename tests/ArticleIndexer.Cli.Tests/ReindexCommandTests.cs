using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Scheduling;
using Quartz;

namespace ArticleIndexer.Cli.Tests;

public sealed class ReindexCommandTests : IDisposable
{
    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Reindex_WithNoWorker_RunsThePassHere_AndRecordsItInTheHistory()
    {
        var run = await temp.RunAsync("reindex", "--source", temp.Seeds);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith($"No worker is running on {temp.Index}; ran the pass here: 5 files seen, 5 indexed (5 new, 0 changed)", run.Output);
        Assert.Equal(5, Documents());
        var pass = Assert.Single(temp.History.Recent(10));
        Assert.Equal((PassKind.Incremental, "articles reindex", PassStatus.Completed, 5), (pass.Kind, pass.TriggeredBy, pass.Status, pass.Documents));
        Assert.Equal(Environment.ProcessId, pass.ProcessId);

        // The lock is released: the next writer gets it.
        Assert.True(IndexLock.TryAcquire(temp.Index, "test", out var next, out _));
        next.Dispose();
    }

    [Fact]
    public async Task ReindexFull_WithNoWorker_RebuildsIntoANewGeneration()
    {
        Assert.Equal(ExitCodes.Ok, (await temp.RunAsync("reindex", "--source", temp.Seeds)).ExitCode);
        Assert.Equal("gen-000001", new IndexLayout(temp.Index).CurrentGeneration);

        var run = await temp.RunAsync("reindex", "--full", "--source", temp.Seeds, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var layout = new IndexLayout(temp.Index);
        Assert.Equal("gen-000002", layout.CurrentGeneration);
        Assert.Equal(["gen-000002"], layout.Generations);
        Assert.Equal(5, Documents());
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal("in-process", root.GetProperty("mode").GetString());
        Assert.Equal("rebuild", root.GetProperty("kind").GetString());
        Assert.StartsWith("No worker is running on ", root.GetProperty("message").GetString());
        Assert.Contains("ran the pass here: Rebuilt gen-000002: 5 files seen", root.GetProperty("message").GetString());
        var pass = root.GetProperty("pass");
        Assert.Equal("rebuild", pass.GetProperty("kind").GetString());
        Assert.Equal("articles reindex", pass.GetProperty("triggeredBy").GetString());
        Assert.Equal("gen-000002", pass.GetProperty("generation").GetString());
        Assert.Equal(2, pass.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Reindex_WithoutSource_ReadsTheFolderTheIndexWasBuiltFrom()
    {
        Assert.Null(temp.RunPass().Summary.Error);
        File.Copy(temp.Seed(Seeds.Dover000), Path.Combine(temp.Seeds, "100_added.txt"));

        // The tests run in their bin folder, which has no "seeds": only the commit data can name the folder.
        var run = await temp.RunAsync("reindex");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("6 files seen, 1 indexed (1 new, 0 changed), 5 unchanged", run.Output);
    }

    [Fact]
    public async Task Reindex_WithAMissingSourceFolder_ExitsWithTwo_AndRunsNoPass()
    {
        var missing = Path.Combine(temp.Root, "not-there");

        var run = await temp.RunAsync("reindex", "--source", missing);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal($"articles: The source folder '{missing}' does not exist.", line);
        Assert.Empty(temp.History.Recent(10));
    }

    [Fact]
    public async Task Reindex_WhenCancelled_StopsThePassAndSaysSo()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.InvokeAsync(["reindex", "--index", temp.Index, "--source", temp.Seeds], cancellationToken: cancelled.Token);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("(stopped early; the rest is left for the next pass)", run.Output);
        Assert.Equal(PassStatus.Stopped, Assert.Single(temp.History.Recent(10)).Status);
    }

    [Fact]
    public async Task Reindex_OnADamagedIndex_RefusesAnIncrementalPass_ButRebuilds()
    {
        Assert.Null(temp.RunPass().Summary.Error);
        var generation = new IndexLayout(temp.Index).PathOf("gen-000001");
        foreach (var file in Directory.GetFiles(generation).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            await File.WriteAllBytesAsync(file, bytes[..Math.Min(bytes.Length, 100)]);
        }

        var refused = await temp.RunAsync("reindex", "--source", temp.Seeds);
        var rebuilt = await temp.RunAsync("reindex", "--full", "--source", temp.Seeds);

        Assert.Equal(ExitCodes.IndexUnavailable, refused.ExitCode);
        var line = Assert.Single(refused.ErrorLines);
        Assert.StartsWith("articles: Not reindexing: the index at ", line);
        Assert.Contains("is damaged", line);
        Assert.DoesNotContain("   at ", refused.Error);
        Assert.Equal(ExitCodes.Ok, rebuilt.ExitCode);
        Assert.Equal(5, Documents());
    }

    [Theory]
    [InlineData("worker --once")]
    [InlineData("articles reindex")]
    public async Task Reindex_WhileAnotherWriterHoldsTheLock_NamesIt_AndRunsNoPass(string owner)
    {
        Assert.True(IndexLock.TryAcquire(temp.Index, owner, out var held, out _));
        CliRun run;
        using (held)
        {
            run = await temp.RunAsync("reindex", "--source", temp.Seeds);
        }

        Assert.Equal(ExitCodes.IndexBusy, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"articles: Not reindexing: the index is being written by {owner} (pid {Environment.ProcessId} on ", line);
        Assert.Contains("takes no requests", line);
        Assert.Contains("indexer.lock", line);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Empty(temp.History.Recent(10));
        Assert.Null(new IndexLayout(temp.Index).CurrentGeneration);
    }

    [Fact]
    public async Task Reindex_WithAScheduledWorker_LeavesItARequestInTheStore_AndRunsNothingHere()
    {
        using var worker = await FakeWorker.StartAsync(temp);

        var run = await temp.RunAsync("reindex", "--full", "--source", temp.Seeds);
        var schedule = await temp.RunAsync("schedule", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith($"Asked the running worker (pid {Environment.ProcessId} on {Environment.MachineName}, running since ", run.Output);
        Assert.Contains("to run a full rebuild; it starts within a few seconds and indexes its own source folder", run.Output);
        Assert.EndsWith("Follow it with `articles status`." + Environment.NewLine, run.Output);
        Assert.Empty(temp.History.Recent(10));

        using var json = schedule.Json();
        Assert.True(json.RootElement.GetProperty("workerRunning").GetBoolean());
        var pending = Assert.Single(json.RootElement.GetProperty("pending").EnumerateArray());
        Assert.Equal("rebuild", pending.GetProperty("job").GetString());
        Assert.Equal("request", pending.GetProperty("reason").GetString());
        Assert.Equal($"articles reindex (pid {Environment.ProcessId})", pending.GetProperty("requestedBy").GetString());
        Assert.Equal("waiting", pending.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ReindexWait_PrintsTheRequestedPass_OnceTheWorkerHasRunIt()
    {
        using var worker = await FakeWorker.StartAsync(temp);
        var reindex = temp.RunAsync("reindex", "--wait");

        // Play the worker: when the request is in the store, run the pass as the request's job would.
        await WaitForRequestAsync();
        var outcome = temp.RunPass(triggeredBy: "request");
        var run = await reindex;

        Assert.Null(outcome.Summary.Error);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Asked the running worker (pid ", lines[0]);
        Assert.StartsWith("The worker ran pass #1: 5 files seen, 5 indexed (5 new, 0 changed)", lines[1]);
    }

    [Fact]
    public async Task ReindexWaitJson_GivesTheRequestAndThePassAsTheHistoryHasIt()
    {
        using var worker = await FakeWorker.StartAsync(temp);
        var reindex = temp.RunAsync("reindex", "--full", "--wait", "--json");

        await WaitForRequestAsync();
        Assert.Null(temp.RunPass(PassKind.Rebuild, triggeredBy: "request").Summary.Error);
        var run = await reindex;

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal("requested", root.GetProperty("mode").GetString());
        Assert.Equal("rebuild", root.GetProperty("kind").GetString());
        Assert.Equal($"articles reindex (pid {Environment.ProcessId})", root.GetProperty("requestedBy").GetString());
        Assert.True(root.GetProperty("worker").GetProperty("isScheduledWorker").GetBoolean());
        Assert.Equal("request", root.GetProperty("pass").GetProperty("triggeredBy").GetString());
        Assert.Equal("completed", root.GetProperty("pass").GetProperty("status").GetString());
        Assert.Equal("gen-000001", root.GetProperty("pass").GetProperty("generation").GetString());
        Assert.StartsWith("The worker ran pass #1: Rebuilt gen-000001: 5 files seen", root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ReindexWait_SaysTheWorkerStopped_WhenItGoesAwayBeforeThePass()
    {
        var worker = await FakeWorker.StartAsync(temp);
        var reindex = temp.RunAsync("reindex", "--wait");

        await WaitForRequestAsync();
        worker.Dispose();
        var run = await reindex;

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"articles: The worker (pid {Environment.ProcessId}) stopped before the requested pass ended", line);
    }

    [Fact]
    public async Task ReindexWait_WhenCancelled_StopsWaiting_AndLeavesTheRequest()
    {
        using var worker = await FakeWorker.StartAsync(temp);
        using var ctrlC = new CancellationTokenSource();
        var reindex = CliRun.InvokeAsync(["reindex", "--wait", "--index", temp.Index], cancellationToken: ctrlC.Token);

        await WaitForRequestAsync();
        await ctrlC.CancelAsync();
        var run = await reindex;

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.EndsWith("Stopped waiting; the worker carries on with the pass. Follow it with `articles status`." + Environment.NewLine, run.Output);
        await WaitForRequestAsync();
    }

    [Fact]
    public async Task ReindexWait_GivesUp_WhenThePassDoesNotEndInTime()
    {
        using var worker = await FakeWorker.StartAsync(temp);

        var run = await CliRun.InvokeAsync(["reindex", "--wait", "--index", temp.Index], waitTimeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(ExitCodes.IndexBusy, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("articles: The requested pass has not ended after 300 ms; the worker carries on with it.", line);
    }

    [Fact]
    public async Task Reindex_WithAScheduledWorkerButNoDatabase_ExitsWithThree()
    {
        Assert.True(IndexLock.TryAcquire(temp.Index, IndexLock.ScheduledWorker, out var held, out _));
        CliRun run;
        using (held)
        {
            run = await temp.RunAsync("reindex");
        }

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"but there is no worker database at '{temp.Database}'; give the one it uses with --database FILE.", line);
    }

    private int Documents()
    {
        var opened = ArticleSearcher.Open(temp.Index);
        using var searcher = opened.Searcher;
        Assert.True(searcher is not null, opened.Message);
        return searcher.DocumentCount;
    }

    // The request is a trigger of one of the two jobs besides its cron trigger.
    private async Task WaitForRequestAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var scheduler = await SchedulerStore.OpenClientAsync(temp.Database);
            Assert.NotNull(scheduler);
            try
            {
                foreach (var job in new[] { SchedulerStore.IncrementalJob, SchedulerStore.RebuildJob })
                {
                    if ((await scheduler.GetTriggersOfJob(job)).Any(t => t.JobDataMap.ContainsKey(SchedulerStore.RequestedBy)))
                    {
                        return;
                    }
                }
            }
            finally
            {
                await scheduler.Shutdown(false);
            }

            await Task.Delay(50);
        }

        Assert.Fail("reindex left no request in the store within 30 s");
    }
}
