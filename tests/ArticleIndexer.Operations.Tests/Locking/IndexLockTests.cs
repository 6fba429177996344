using System.Diagnostics;
using System.Text.Json;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Tests.Support;

namespace ArticleIndexer.Operations.Tests.Locking;

/// <summary>The index lock and its holder file, in this process.</summary>
public sealed class IndexLockTests : IDisposable
{
    // Above any process id Linux hands out (pid_max is at most 2^22) and Windows uses in practice.
    private const int DeadProcessId = 99_999_999;

    private readonly TempFolder temp = new();
    private readonly string root;

    public IndexLockTests() => root = temp.Combine("index");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TryAcquire_TakesTheLock_CreatingTheRoot_AndWritesWhoHoldsIt()
    {
        Assert.True(IndexLock.TryAcquire(root, "worker --once", out var indexLock, out var holder));
        using (indexLock)
        {
            Assert.Null(holder);
            Assert.Equal((Environment.ProcessId, Environment.MachineName, "worker --once"), (indexLock.Holder.ProcessId, indexLock.Holder.Host, indexLock.Holder.Owner));
            Assert.True(File.Exists(IndexLock.PathIn(root)));
            Assert.Equal(indexLock.Holder, IndexLock.ReadHolder(root));
        }
    }

    [Fact]
    public void TryAcquire_FailsAndNamesTheHolder_WhileTheLockIsHeldInThisProcess()
    {
        Assert.True(IndexLock.TryAcquire(root, IndexLock.ScheduledWorker, out var first, out _));
        using (first)
        {
            Assert.False(IndexLock.TryAcquire(root, "articles reindex", out var second, out var holder));

            Assert.Null(second);
            Assert.Equal(first.Holder, holder);
            Assert.True(holder!.IsScheduledWorker);
        }
    }

    [Fact]
    public void TryAcquire_Succeeds_AfterTheHolderDisposedTheLock_WhichForgetsTheHolder()
    {
        Assert.True(IndexLock.TryAcquire(root, "first", out var first, out _));
        first.Dispose();

        Assert.Null(IndexLock.ReadHolder(root));
        Assert.False(File.Exists(Path.Combine(root, IndexLock.HolderFileName)));
        Assert.True(IndexLock.TryAcquire(root, "second", out var second, out _));
        using (second)
        {
            Assert.Equal("second", IndexLock.ReadHolder(root)?.Owner);
        }
    }

    [Fact]
    public void ReadHolder_IgnoresAHolderFile_WhoseProcessIsGone()
    {
        WriteHolder(new LockHolder(DeadProcessId, Environment.MachineName, "worker", DateTimeOffset.UtcNow.AddMinutes(-5)));

        Assert.Null(IndexLock.ReadHolder(root));
    }

    [Fact]
    public void ReadHolder_IgnoresAHolderFile_WhoseProcessIdWasReusedByALaterProcess()
    {
        using var me = Process.GetCurrentProcess();
        // This process started after the holder took the lock: the holder died and its id went to this process.
        WriteHolder(new LockHolder(Environment.ProcessId, Environment.MachineName, "worker", me.StartTime.ToUniversalTime().AddHours(-1)));

        Assert.Null(IndexLock.ReadHolder(root));
    }

    [Fact]
    public void ReadHolder_ReturnsAHolder_WhoseProcessRunsAndStartedBeforeTheLock()
    {
        var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, "worker", DateTimeOffset.UtcNow);
        WriteHolder(holder);

        Assert.Equal(holder, IndexLock.ReadHolder(root));
    }

    [Fact]
    public void ReadHolder_TrustsAHolderOnAnotherMachine_WhoseProcessItCannotCheck()
    {
        var holder = new LockHolder(DeadProcessId, "another-host", "worker", DateTimeOffset.UtcNow);
        WriteHolder(holder);

        Assert.Equal(holder, IndexLock.ReadHolder(root));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"ProcessId\": 12")]
    [InlineData("null")]
    public void ReadHolder_IsNull_WhenTheHolderFileCannotBeRead(string content)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, IndexLock.HolderFileName), content);

        Assert.Null(IndexLock.ReadHolder(root));
    }

    [Fact]
    public void ReadHolder_IsNull_WhenThereIsNoRoot() => Assert.Null(IndexLock.ReadHolder(root));

    [Fact]
    public void LockedMessage_NamesTheHolderAndTheLockFile_OrSaysToTryAgainWhenTheHolderIsUnknown()
    {
        var holder = new LockHolder(1234, "host", "worker", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(
            $"the index is locked by worker (pid 1234 on host, since 2026-11-23 09:00:00Z): {IndexLock.PathIn(root)}. Only one process writes an index; stop that one or wait for it",
            IndexLock.LockedMessage(root, holder));
        Assert.Equal(
            $"another process holds the index lock {IndexLock.PathIn(root)}; try again when it has finished",
            IndexLock.LockedMessage(root, null));
    }

    private void WriteHolder(LockHolder holder)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, IndexLock.HolderFileName), JsonSerializer.Serialize(holder));
    }
}
