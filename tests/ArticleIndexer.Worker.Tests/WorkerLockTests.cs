using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Worker.Tests.Support;
using Xunit.Abstractions;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// One writer per index, between real worker processes: a second worker is turned away at once and names the first,
/// and the lock of a killed worker (its files are still on disk) never blocks the next one.
/// </summary>
public sealed class WorkerLockTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>A schedule that never fires: the scheduled worker runs only its start-up pass.</summary>
    private const string Never = "0 0 0 1 1 ? 2099";

    private readonly TempFolder temp = new();

    private string IndexRoot => temp.Combine("index");

    private string SourceFolder => temp.Combine("seeds");

    private PassHistory History => new(IndexTarget.DefaultDatabase(IndexRoot));

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task SecondWriter_ExitsAtOnceWithCode3_NamingTheRunningWorker_WhichKeepsRunning()
    {
        Seeds.CopyTo(SourceFolder);
        using var first = WorkerProcess.Start(temp.Path, Scheduled());
        await first.WaitUntilAsync(() => IndexLock.ReadHolder(IndexRoot)?.ProcessId == first.Id, "the first worker to take the lock");
        await WaitForPassAsync(first, PassStatus.Completed);

        foreach (var (name, second) in new[] { ("scheduled", Scheduled()), ("--once", Args("--once")), ("--rebuild", Args("--rebuild")) })
        {
            var result = await WorkerProcess.RunAsync(temp.Path, second);

            output.WriteLine($"second worker, {name}: exit {result.ExitCode} after {result.Elapsed.TotalSeconds:0.00} s");
            Assert.True(result.ExitCode == 3, $"{name}: exit code {result.ExitCode}. stderr: {result.Stderr}");
            Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), $"{name} took {result.Elapsed} to give up");
            Assert.Contains($"the index is locked by worker (pid {first.Id} on ", result.Stderr, StringComparison.Ordinal);
            Assert.Contains(IndexLock.PathIn(IndexRoot), result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
        }

        await Task.Delay(500);
        Assert.False(first.HasExited, $"The first worker stopped. stderr: {first.Stderr}");
        Assert.Equal(first.Id, IndexLock.ReadHolder(IndexRoot)?.ProcessId);
        Assert.Single(History.Recent(10));
        first.Terminate();
        var stopped = await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(stopped.ExitCode == 0, $"Exit code {stopped.ExitCode}. stderr: {stopped.Stderr}");
    }

    [Fact]
    public async Task KilledWorkersLock_DoesNotBlockTheNextWorker()
    {
        // Big enough (a second or two of indexing) that the first worker is killed in the middle of its start-up pass.
        var corpus = Corpus.Generate(SourceFolder, 1000);
        using (var killed = WorkerProcess.Start(temp.Path, Scheduled()))
        {
            await killed.WaitForLogAsync(" started: ");
            await Task.Delay(300);
            Assert.True(killed.Kill(), $"The scheduled worker exited by itself. stderr: {killed.Stderr}");
        }

        Assert.True(File.Exists(IndexLock.PathIn(IndexRoot)));
        Assert.True(File.Exists(Path.Combine(IndexRoot, IndexLock.HolderFileName)), "The killed worker's holder file is gone: nothing stale to test.");

        using (var next = WorkerProcess.Start(temp.Path, Scheduled()))
        {
            await WaitForPassAsync(next, PassStatus.Completed);
            output.WriteLine($"the next scheduled worker finished its start-up pass {next.Elapsed.TotalSeconds:0.00} s after it started");
            Assert.Equal(next.Id, IndexLock.ReadHolder(IndexRoot)?.ProcessId);
            Assert.Contains("were cut short", next.Stderr, StringComparison.Ordinal);
            Assert.True(next.Kill(), "The second scheduled worker exited by itself.");
        }

        var once = await WorkerProcess.RunAsync(temp.Path, Args("--once"));

        Assert.True(once.ExitCode == 0, $"Exit code {once.ExitCode}. stderr: {once.Stderr}");
        Assert.Contains($"{corpus.Ids.Count} files seen, 0 indexed", once.Stdout, StringComparison.Ordinal);
        Assert.Equal([PassStatus.Completed, PassStatus.Completed, PassStatus.Interrupted], History.Recent(10).Select(p => p.Status));
        IndexContents.AssertMatches(IndexRoot, corpus);
    }

    private string[] Args(params string[] mode) => [.. mode, "--source", SourceFolder, "--index", IndexRoot];

    private string[] Scheduled() => Args("--incremental-schedule", Never, "--rebuild-schedule", Never);

    /// <summary>Waits until the newest pass in the history is <paramref name="worker"/>'s and has <paramref name="status"/>.</summary>
    private Task WaitForPassAsync(WorkerProcess worker, PassStatus status) =>
        worker.WaitUntilAsync(() => NewestPass() is { } pass && pass.ProcessId == worker.Id && pass.Status == status, $"worker {worker.Id}'s pass to be {status}");

    // The worker creates the database while this reads it: a busy or half-made file is "no pass yet".
    private PassRecord? NewestPass()
    {
        try
        {
            return History.Recent(1) is [var pass] ? pass : null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null;
        }
    }
}
