using System.Text.Json;
using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;

namespace ArticleIndexer.Cli.Tests;

public sealed class StatusCommandTests(SeedIndexFixture seedIndex) : IClassFixture<SeedIndexFixture>, IDisposable
{
    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task StatusJson_AfterThreePasses_ListsThemNewestFirstWithTheirFigures()
    {
        RunPassOrFail();
        File.Copy(temp.Seed(Seeds.Dover000), Path.Combine(temp.Seeds, "100_added.txt"));
        File.AppendAllText(temp.Seed(Seeds.Agree002), "\n\nA paragraph added after the first pass, by the CLI tests.\n");
        RunPassOrFail();
        File.Delete(temp.Seed(Seeds.Flow003));
        RunPassOrFail();

        var run = await temp.RunAsync("status", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal(temp.Index, root.GetProperty("indexRoot").GetString());
        Assert.Equal(temp.Database, root.GetProperty("database").GetString());
        Assert.Equal("generations", root.GetProperty("layout").GetString());
        Assert.Equal("gen-000001", root.GetProperty("generation").GetString());
        Assert.Equal(5, root.GetProperty("documents").GetInt32());
        Assert.True(root.GetProperty("sizeBytes").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("indexProblem").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lockHolder").ValueKind);
        Assert.False(root.GetProperty("workerRunning").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("runningPass").ValueKind);

        var passes = root.GetProperty("passes").EnumerateArray().ToArray();
        Assert.Equal(3, passes.Length);
        Assert.Equal([3L, 2L, 1L], passes.Select(p => p.GetProperty("id").GetInt64()));
        //                       seen new changed unchanged deleted documents
        AssertFigures(passes[2], 5, 5, 0, 0, 0, 5);
        AssertFigures(passes[1], 6, 1, 1, 4, 0, 6);
        AssertFigures(passes[0], 5, 0, 0, 5, 1, 5);
        foreach (var pass in passes)
        {
            Assert.Equal("incremental", pass.GetProperty("kind").GetString());
            Assert.Equal("test", pass.GetProperty("triggeredBy").GetString());
            Assert.Equal("completed", pass.GetProperty("status").GetString());
            Assert.Equal("gen-000001", pass.GetProperty("generation").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$", pass.GetProperty("started").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$", pass.GetProperty("finished").GetString());
            Assert.True(pass.GetProperty("durationMs").GetInt64() >= 0);
            Assert.Equal(0, pass.GetProperty("skipped").GetInt32());
            Assert.Equal(0, pass.GetProperty("failed").GetInt32());
            Assert.Equal(JsonValueKind.Null, pass.GetProperty("error").ValueKind);
            Assert.Equal(Environment.ProcessId, pass.GetProperty("processId").GetInt32());
        }
    }

    [Fact]
    public async Task Status_PrintsTheIndexAndAnAlignedTableOfPasses()
    {
        RunPassOrFail();
        File.Delete(temp.Seed(Seeds.Flow003));
        RunPassOrFail();

        var run = await temp.RunAsync("status");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains($"index root   {temp.Index}", lines);
        Assert.Contains("generation   gen-000001", lines);
        Assert.Contains("documents    4", lines);
        Assert.Contains("worker       not running", lines);
        Assert.Contains("pass now     none", lines);
        Assert.Contains("Last 2 passes, newest first (times UTC)", lines);
        var header = Array.FindIndex(lines, l => l.StartsWith("id  kind", StringComparison.Ordinal));
        Assert.True(header > 0, run.Output);
        Assert.Matches(@"^id  kind +triggered by  status +started +ended +duration  seen  new  changed  unchanged  deleted  skipped  failed  documents  generation  error$", lines[header]);
        Assert.Matches(@"^ 2  incremental  test +completed  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  [\d: -]+ +\d+(\.\d)? m?s +4 +0 +0 +4 +1 +0 +0 +4  gen-000001$", lines[header + 1]);
        Assert.StartsWith(" 1  incremental  test", lines[header + 2], StringComparison.Ordinal);
        // Aligned: every column starts where its header does.
        Assert.Equal(lines[header].IndexOf("documents", StringComparison.Ordinal) + "documents".Length, lines[header + 1].IndexOf("  gen-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_WithALimit_ListsOnlyTheNewestPasses()
    {
        RunPassOrFail();
        RunPassOrFail();
        RunPassOrFail();

        var run = await temp.RunAsync("status", "--limit", "2", "--json");

        using var json = run.Json();
        Assert.Equal([3L, 2L], json.RootElement.GetProperty("passes").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Status_OnAFolderWithNoIndexAndNoHistory_ExitsWithThreeAndOneLine()
    {
        var run = await temp.RunAsync("status");

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"articles: No index and no pass history at '{temp.Index}'", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Status_OnAnIndexWithoutHistory_SaysSo_AndExitsWithZero()
    {
        var run = await seedIndex.RunAsync("status");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("generation   v1 layout", run.Output);
        Assert.Contains("documents    5", run.Output);
        Assert.Contains("No pass recorded yet.", run.Output);
    }

    [Fact]
    public async Task Status_ShowsThePassRunningNow_WhenItsProcessHoldsTheLock()
    {
        RunPassOrFail();
        Assert.True(IndexLock.TryAcquire(temp.Index, IndexLock.ScheduledWorker, out var held, out _));
        using (held)
        {
            var id = temp.History.Begin(PassKind.Rebuild, "schedule", "gen-000002", DateTimeOffset.UtcNow);

            var run = await temp.RunAsync("status", "--json");
            var text = await temp.RunAsync("status");

            using var json = run.Json();
            var root = json.RootElement;
            Assert.True(root.GetProperty("workerRunning").GetBoolean());
            Assert.Equal(Environment.ProcessId, root.GetProperty("lockHolder").GetProperty("processId").GetInt32());
            Assert.Equal("worker", root.GetProperty("lockHolder").GetProperty("owner").GetString());
            Assert.Equal(id, root.GetProperty("runningPass").GetProperty("id").GetInt64());
            Assert.Equal("running", root.GetProperty("passes")[0].GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("passes")[0].GetProperty("durationMs").ValueKind);
            Assert.Contains($"worker       running: worker (pid {Environment.ProcessId} on ", text.Output);
            Assert.Contains($"pass now     #{id} rebuild (schedule), started ", text.Output);
            // No figures until the pass ends.
            Assert.Matches(@"(?m)^ 2  rebuild +schedule +running +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d( +-){10}  gen-000002$", text.Output.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public async Task Status_CallsARunningPassWhoseProcessIsGone_Interrupted()
    {
        RunPassOrFail();
        temp.History.Begin(PassKind.Incremental, "schedule", "gen-000001", DateTimeOffset.UtcNow);

        var run = await temp.RunAsync("status", "--json");

        using var json = run.Json();
        var newest = json.RootElement.GetProperty("passes")[0];
        Assert.Equal("interrupted", newest.GetProperty("status").GetString());
        Assert.Contains("stopped before the pass ended", newest.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("runningPass").ValueKind);
    }

    [Fact]
    public async Task Status_OnADamagedIndex_PrintsWhatItKnows_AndExitsWithThree()
    {
        RunPassOrFail();
        var generation = Path.Combine(temp.Index, "gen-000001");
        foreach (var file in Directory.GetFiles(generation).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            await File.WriteAllBytesAsync(file, bytes[..Math.Min(bytes.Length, 100)]);
        }

        var run = await temp.RunAsync("status", "--json");

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        using var json = run.Json();
        Assert.Equal("corrupt", json.RootElement.GetProperty("indexProblem").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("documents").ValueKind);
        Assert.Single(json.RootElement.GetProperty("passes").EnumerateArray());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("cannot be read", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    private void RunPassOrFail()
    {
        var outcome = temp.RunPass();
        Assert.True(outcome.Summary.Error is null, outcome.ToString());
    }

    private static void AssertFigures(JsonElement pass, int seen, int added, int changed, int unchanged, int deleted, int documents)
    {
        var actual = (
            pass.GetProperty("seen").GetInt32(),
            pass.GetProperty("new").GetInt32(),
            pass.GetProperty("changed").GetInt32(),
            pass.GetProperty("unchanged").GetInt32(),
            pass.GetProperty("deleted").GetInt32(),
            pass.GetProperty("documents").GetInt32());
        Assert.Equal((seen, added, changed, unchanged, deleted, documents), actual);
    }
}
