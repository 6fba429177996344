using ArticleIndexer.Worker.Tests.Support;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// The real worker process (<c>dotnet ArticleIndexer.Worker.dll</c>), end to end: a first pass, and a lock held by this
/// test process. Kills and signals are in <see cref="WorkerSafetyTests"/>, a second worker and a killed one's lock in
/// <see cref="WorkerLockTests"/>, a damaged index in <see cref="IndexDamageTests"/>.
/// </summary>
public sealed class WorkerProcessTests
{
    [Fact]
    public async Task Once_IndexesEverySeed_OnFirstPass()
    {
        using var temp = new TempFolder();
        Seeds.CopyTo(temp.Combine("seeds"));

        var (exitCode, stdout, stderr, _) = await WorkerProcess.RunAsync(temp.Path, "--once", "--source", temp.Combine("seeds"), "--index", temp.Combine("index"));

        Assert.True(exitCode == 0, $"Exit code {exitCode}. stderr: {stderr}");
        Assert.Contains("5 files seen, 5 indexed", stdout, StringComparison.Ordinal);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(Directory.GetFiles(temp.Combine("logs"), "worker-*.clef"));
    }

    [Fact]
    public async Task Once_RefusesToWrite_WhileAnotherProcessHoldsTheIndex()
    {
        using var temp = new TempFolder();
        Seeds.CopyTo(temp.Combine("seeds"));
        string stdout, stderr;
        int exitCode;
        Assert.True(ArticleIndexer.Operations.Locking.IndexLock.TryAcquire(temp.Combine("index"), "test holder", out var held, out _));
        using (held)
        {
            (exitCode, stdout, stderr, _) = await WorkerProcess.RunAsync(temp.Path, "--once", "--source", temp.Combine("seeds"), "--index", temp.Combine("index"));
        }

        Assert.Equal(3, exitCode);
        Assert.Contains($"the index is locked by test holder (pid {Environment.ProcessId} on", stderr, StringComparison.Ordinal);
        Assert.Contains("indexer.lock", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }
}
